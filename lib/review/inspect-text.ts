/**
 * Text written by an agent, inspected for what could fool a reviewer (OWASP ASI09): markup that another renderer
 * would obey, characters that reorder or hide text, and control characters. Pure and client-safe: the console shows
 * the flags and renders every invisible character as a visible token such as ⟦U+202E RLO⟧.
 */

export type CharKind = 'bidi' | 'zero-width' | 'control' | 'tag';
export type InvisibleChar = { codePoint: number; abbr: string; name: string; kind: CharKind };

type MarkupKind = 'html-comment' | 'markdown-link' | 'markdown-image' | 'markdown-heading' | 'script-url';

export type TextFlag =
  | { kind: 'html-tag'; tag: string }
  | { kind: MarkupKind }
  | { kind: 'char'; char: InvisibleChar }
  /** Unicode tag characters (U+E0000–U+E007F) mirror ASCII invisibly: "ASCII smuggling". `hidden` is what they spell. */
  | { kind: 'hidden-tags'; hidden: string };

export type Segment = string | InvisibleChar;

const BIDI: Record<number, [string, string]> = {
  0x061c: ['ALM', 'an Arabic letter mark'],
  0x200e: ['LRM', 'a left-to-right mark'],
  0x200f: ['RLM', 'a right-to-left mark'],
  0x202a: ['LRE', 'a left-to-right embedding'],
  0x202b: ['RLE', 'a right-to-left embedding'],
  0x202c: ['PDF', 'a pop directional formatting'],
  0x202d: ['LRO', 'a left-to-right override'],
  0x202e: ['RLO', 'a right-to-left override'],
  0x2066: ['LRI', 'a left-to-right isolate'],
  0x2067: ['RLI', 'a right-to-left isolate'],
  0x2068: ['FSI', 'a first strong isolate'],
  0x2069: ['PDI', 'a pop directional isolate'],
};

const ZERO_WIDTH: Record<number, [string, string]> = {
  0x200b: ['ZWSP', 'a zero-width space'],
  0x200c: ['ZWNJ', 'a zero-width non-joiner'],
  0x200d: ['ZWJ', 'a zero-width joiner'],
  0x2060: ['WJ', 'a word joiner'],
  0xfeff: ['BOM', 'a zero-width no-break space (byte order mark)'],
};

// Standard abbreviations of C0 (U+0000–U+001F) and C1 (U+0080–U+009F); \t and \n are ordinary text and not flagged.
const C0 =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
    ' ',
  );
const C1 =
  'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGCI SCI CSI ST OSC PM APC'.split(
    ' ',
  );

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The invisible or control character this code point is, or null for ordinary text (including \t and \n). */
export function classifyChar(codePoint: number): InvisibleChar | null {
  const known = BIDI[codePoint] ?? ZERO_WIDTH[codePoint];
  if (known) return { codePoint, abbr: known[0], name: known[1], kind: BIDI[codePoint] ? 'bidi' : 'zero-width' };
  if (codePoint === 0x09 || codePoint === 0x0a) return null;
  const control =
    codePoint < 0x20
      ? C0[codePoint]
      : codePoint === 0x7f
        ? 'DEL'
        : codePoint >= 0x80 && codePoint <= 0x9f
          ? C1[codePoint - 0x80]
          : null;
  if (control) return { codePoint, abbr: control, name: `a control character (${control})`, kind: 'control' };
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) {
    const ascii = tagAscii(codePoint);
    return { codePoint, abbr: ascii ? `TAG ${ascii}` : 'TAG', name: 'a Unicode tag character', kind: 'tag' };
  }
  return null;
}

/** The printable ASCII character a Unicode tag character mirrors, or '' for the language tag and cancel tag. */
function tagAscii(codePoint: number): string {
  return codePoint >= 0xe0020 && codePoint <= 0xe007e ? String.fromCharCode(codePoint - 0xe0000) : '';
}

/** The text split into ordinary runs and single invisible characters, for rendering each of the latter as a token. */
export function segmentText(text: string): Segment[] {
  const segments: Segment[] = [];
  let run = '';
  for (const char of text) {
    const invisible = classifyChar(char.codePointAt(0)!);
    if (!invisible) {
      run += char;
      continue;
    }
    if (run) segments.push(run);
    run = '';
    segments.push(invisible);
  }
  if (run) segments.push(run);
  return segments;
}

export function charToken(char: InvisibleChar): string {
  return `⟦${codePointLabel(char.codePoint)} ${char.abbr}⟧`;
}

/** The text with every invisible or control character replaced by a visible token: "a⟦U+202E RLO⟧b". */
export function visibleText(text: string): string {
  return segmentText(text)
    .map((segment) => (typeof segment === 'string' ? segment : charToken(segment)))
    .join('');
}

// A tag needs a name right after "<" (so "a < b" and "<https://…>" are not tags) and a closing ">".
const HTML_TAG = /<\/?([a-z][a-z0-9-]*)(?:[\s/][^<>]*)?>/gi;
const MARKUP: [MarkupKind, RegExp][] = [
  ['html-comment', /<!--/],
  ['markdown-image', /!\[[^\]\n]*\]\([^)\n]*\)/],
  ['markdown-link', /(?<!!)\[[^\]\n]*\]\([^)\n]*\)|^ {0,3}\[[^\]\n]+\]:\s*\S|<(?:https?|mailto):[^\s>]+>/im],
  ['markdown-heading', /^ {0,3}#{1,6}(?:[ \t]|$)/m],
  ['script-url', /(?<![a-z])(?:javascript|vbscript):/i],
];

/** Every flag for one string, in a fixed order: markup first, then each distinct invisible character once. */
export function inspectText(text: string): TextFlag[] {
  const flags: TextFlag[] = [];
  const tags = new Set(Array.from(text.matchAll(HTML_TAG), (match) => (match[1] ?? '').toLowerCase()));
  for (const tag of tags) flags.push({ kind: 'html-tag', tag });
  for (const [kind, pattern] of MARKUP) if (pattern.test(text)) flags.push({ kind });

  const seen = new Set<number>();
  let hidden: string | null = null;
  for (const segment of segmentText(text)) {
    if (typeof segment === 'string') continue;
    if (segment.kind === 'tag') {
      hidden = (hidden ?? '') + tagAscii(segment.codePoint);
    } else if (!seen.has(segment.codePoint)) {
      seen.add(segment.codePoint);
      flags.push({ kind: 'char', char: segment });
    }
  }
  if (hidden !== null) flags.push({ kind: 'hidden-tags', hidden });
  return flags;
}

export function describeFlag(flag: TextFlag): string {
  switch (flag.kind) {
    case 'html-tag':
      return `an HTML <${flag.tag}> tag`;
    case 'html-comment':
      return 'an HTML comment';
    case 'markdown-link':
      return 'a markdown link';
    case 'markdown-image':
      return 'a markdown image';
    case 'markdown-heading':
      return 'a markdown heading';
    case 'script-url':
      return 'a javascript: URL';
    case 'char':
      return `${flag.char.name} (${codePointLabel(flag.char.codePoint)})`;
    case 'hidden-tags':
      return `invisible Unicode tag characters spelling "${flag.hidden}"`;
  }
}

export type FlaggedPath = { path: string; flags: TextFlag[] };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Walks any JSON value and returns each string (and each object key: keys are the agent's text too) that carries a
 * flag, with its path: `params.body`, `sources[0].title`, `params["na\u202eme"] (key)`.
 */
export function inspectValue(value: unknown, path: string): FlaggedPath[] {
  if (typeof value === 'string') {
    const flags = inspectText(value);
    return flags.length ? [{ path, flags }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => inspectValue(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const childPath = IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
    const keyFlags = inspectText(key);
    return [
      ...(keyFlags.length ? [{ path: `${childPath} (key)`, flags: keyFlags }] : []),
      ...inspectValue(item, childPath),
    ];
  });
}

/** "params.body: contains an HTML <script> tag, a right-to-left override (U+202E)" */
export function describeFlaggedPath({ path, flags }: FlaggedPath): string {
  return `${path}: contains ${flags.map(describeFlag).join(', ')}`;
}
