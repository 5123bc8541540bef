/**
 * Whether a tool call is an e-mail, and its parts as the recipient will see them. Pure and client-safe.
 *
 * The rule, decided on the tool's shape rather than on the agent's values (so an agent cannot dodge the preview
 * with an odd-looking address): the top-level parameters include a body (body, text, message, content, html,
 * bodyText, textBody, htmlBody, plainText) and at least one recipient. Recipients are the fields named to,
 * recipient(s), cc or bcc, and any other field the tool's JSON Schema declares `format: "email"` (or an array of
 * them), except the sender's fields (from, sender, replyTo) which are shown as such. Subject is subject or title.
 */
export type EmailRole = 'from' | 'replyTo' | 'to' | 'cc' | 'bcc';
export type EmailField = { role: EmailRole; path: string; values: string[] };
export type EmailPreview = {
  headers: EmailField[];
  subject: { path: string; text: string } | null;
  body: { path: string; text: string };
  /** The tool sends HTML (by its field name or schema): the preview still shows it as text. */
  bodyIsHtml: boolean;
};

const ROLE_BY_NAME: Record<string, EmailRole> = {
  from: 'from',
  sender: 'from',
  replyto: 'replyTo',
  to: 'to',
  recipient: 'to',
  recipients: 'to',
  cc: 'cc',
  bcc: 'bcc',
};
const BODY_NAMES = ['body', 'text', 'message', 'content', 'html', 'bodytext', 'textbody', 'htmlbody', 'plaintext'];
const HTML_NAMES = new Set(['html', 'htmlbody']);
const SUBJECT_NAMES = ['subject', 'title'];
const ROLE_ORDER: EmailRole[] = ['from', 'replyTo', 'to', 'cc', 'bcc'];

const normalize = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

export function emailPreview(schema: unknown, params: Record<string, unknown>): EmailPreview | null {
  const properties = schemaProperties(schema);
  const keys = Object.keys(params);
  const find = (names: string[]) => {
    for (const name of names) {
      const key = keys.find((k) => normalize(k) === name && typeof params[k] === 'string');
      if (key) return key;
    }
    return undefined;
  };

  const bodyKey = find(BODY_NAMES);
  if (!bodyKey) return null;
  const headers: EmailField[] = [];
  for (const key of keys) {
    const role = ROLE_BY_NAME[normalize(key)] ?? (isEmailProperty(properties[key]) ? 'to' : undefined);
    if (role) headers.push({ role, path: `params.${key}`, values: addresses(params[key]) });
  }
  if (!headers.some((field) => field.role === 'to' || field.role === 'cc' || field.role === 'bcc')) return null;
  headers.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));

  const subjectKey = find(SUBJECT_NAMES);
  const bodySchema = properties[bodyKey];
  return {
    headers,
    subject: subjectKey ? { path: `params.${subjectKey}`, text: params[subjectKey] as string } : null,
    body: { path: `params.${bodyKey}`, text: params[bodyKey] as string },
    bodyIsHtml:
      HTML_NAMES.has(normalize(bodyKey)) || (isObject(bodySchema) && bodySchema.contentMediaType === 'text/html'),
  };
}

function addresses(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  return [JSON.stringify(value) ?? String(value)];
}

function isEmailProperty(property: unknown): boolean {
  if (!isObject(property)) return false;
  if (property.format === 'email' || property.format === 'idn-email') return true;
  return property.type === 'array' && isEmailProperty(property.items);
}

function schemaProperties(schema: unknown): Record<string, unknown> {
  return isObject(schema) && isObject(schema.properties) ? schema.properties : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
