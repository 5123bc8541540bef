/**
 * Parameters as a list of typed fields, for reading next to the raw JSON: `amount` number 129.9, `address.city`
 * string "Lyon". Objects are walked to their leaves; arrays stay whole. Pure and client-safe.
 */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'hidden';
export type ParamField = { path: string; type: FieldType; value: unknown };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function paramFields(params: Record<string, unknown>, maskedPaths: readonly string[] = []): ParamField[] {
  const masked = maskedPaths.map((path) => path.split('.'));
  const isMasked = (keys: string[]) =>
    masked.some((m) => m.length <= keys.length && m.every((key, i) => key === keys[i]));
  const fields: ParamField[] = [];
  const walk = (keys: string[], value: unknown) => {
    if (isMasked(keys)) return void fields.push({ path: formatPath(keys), type: 'hidden', value });
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const [key, inner] of Object.entries(value)) walk([...keys, key], inner);
      return;
    }
    fields.push({ path: formatPath(keys), type: typeOf(value), value });
  };
  for (const [key, value] of Object.entries(params)) walk([key], value);
  return fields;
}

function typeOf(value: unknown): FieldType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'object')
    return typeof value as FieldType;
  return 'string';
}

function formatPath(keys: string[]): string {
  return keys
    .map((key, index) => (IDENTIFIER.test(key) ? `${index ? '.' : ''}${key}` : `[${JSON.stringify(key)}]`))
    .join('');
}
