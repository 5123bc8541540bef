/**
 * Which form control edits which parameter, read from a tool's JSON Schema: the part of "edit and approve" that can
 * be decided without a browser. Pure and client-safe. What it cannot map to a control becomes a JSON text field for
 * that parameter alone, so every parameter stays editable; the server validates the result against the schema anyway.
 */
type Schema = Record<string, unknown>;

type Common = {
  /** Keys from the root of params (a key may itself contain dots, so the path is kept as a list). */
  keys: string[];
  /** Dotted path, as in validation issues ("assignee.email") and a tool's sensitive fields. */
  path: string;
  label: string;
  description: string | null;
  required: boolean;
  /** The tool marks this parameter (or one that contains it) sensitive. */
  sensitive: boolean;
};

export type PrimitiveType = 'string' | 'number' | 'integer';

export type FormField = Common &
  (
    | { kind: 'text' | 'email' | 'url' | 'textarea'; minLength: number | null; maxLength: number | null }
    | { kind: 'number'; integer: boolean; min: number | null; max: number | null }
    | { kind: 'select'; options: (string | number)[] }
    | { kind: 'checkbox' }
    | { kind: 'fieldset'; fields: FormField[] }
    | { kind: 'list'; item: PrimitiveType; options: (string | number)[] | null }
    /** Anything else: the value as JSON text. `reason` says why (shown as help). */
    | { kind: 'json'; reason: string }
  );

/** Text longer than this (or with a line break, or allowed to be longer than LONG_MAX) gets a multi-line box. */
const LONG_VALUE = 80;
const LONG_MAX = 200;

/**
 * The fields for a tool's parameters schema, prefilled decisions taken from `values` (the current version): long
 * text gets a multi-line box, and a parameter present in the values but not described by the schema gets a JSON field
 * so it can be kept, changed or cleared. A root schema that is not an object with properties is one JSON field.
 */
export function schemaFormFields(
  schema: unknown,
  values: Record<string, unknown>,
  sensitive: readonly string[] = [],
): FormField[] {
  if (!isObject(schema) || !isObject(schema.properties)) {
    return [
      {
        ...common([], null, false, sensitive),
        label: 'Parameters',
        kind: 'json',
        reason: 'the tool’s schema does not list its parameters',
      },
    ];
  }
  return objectFields(schema, values, [], sensitive);
}

function objectFields(schema: Schema, values: unknown, parent: string[], sensitive: readonly string[]): FormField[] {
  const properties = schema.properties as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  const current = isObject(values) ? values : {};
  const described = Object.keys(properties).map((name) =>
    field(properties[name], current[name], [...parent, name], required.includes(name), sensitive),
  );
  const undescribed = Object.keys(current)
    .filter((name) => !Object.hasOwn(properties, name))
    .map((name): FormField => ({
      ...common([...parent, name], null, false, sensitive),
      kind: 'json',
      reason: 'not described by the tool’s schema',
    }));
  return [...described, ...undescribed];
}

function field(
  schema: unknown,
  value: unknown,
  keys: string[],
  required: boolean,
  sensitive: readonly string[],
): FormField {
  const base = common(keys, schema, required, sensitive);
  if (!isObject(schema)) return { ...base, kind: 'json', reason: 'no schema for this parameter' };
  const complex = ['oneOf', 'anyOf', 'allOf', '$ref', 'not', 'if', 'const'].find((keyword) => keyword in schema);
  if (complex) return { ...base, kind: 'json', reason: `the schema uses ${complex}` };
  const type = schema.type;

  if (Array.isArray(schema.enum)) {
    const options = schema.enum;
    const same = (t: string) => options.length > 0 && options.every((o) => typeof o === t);
    if ((type === 'string' || type === undefined) && same('string'))
      return { ...base, kind: 'select', options: options as string[] };
    if ((type === 'number' || type === 'integer' || type === undefined) && same('number'))
      return { ...base, kind: 'select', options: options as number[] };
    return { ...base, kind: 'json', reason: 'its allowed values are of mixed types' };
  }
  switch (type) {
    case 'string':
      return {
        ...base,
        kind: stringKind(schema, value),
        minLength: num(schema.minLength),
        maxLength: num(schema.maxLength),
      };
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        min: num(schema.minimum) ?? num(schema.exclusiveMinimum),
        max: num(schema.maximum) ?? num(schema.exclusiveMaximum),
      };
    case 'boolean':
      return { ...base, kind: 'checkbox' };
    case 'object':
      if (!isObject(schema.properties)) return { ...base, kind: 'json', reason: 'its properties are not listed' };
      if (value !== undefined && !isObject(value))
        return { ...base, kind: 'json', reason: 'its current value is not an object' };
      return { ...base, kind: 'fieldset', fields: objectFields(schema, value, keys, sensitive) };
    case 'array': {
      const item = isObject(schema.items) ? schema.items : null;
      const itemType = item?.type;
      if (
        !item ||
        !(itemType === 'string' || itemType === 'number' || itemType === 'integer') ||
        Object.keys(item).some((k) => ['oneOf', 'anyOf', 'allOf', '$ref'].includes(k))
      ) {
        return { ...base, kind: 'json', reason: 'its items are not plain text or numbers' };
      }
      if (
        value !== undefined &&
        !(Array.isArray(value) && value.every((v) => typeof v === (itemType === 'string' ? 'string' : 'number')))
      ) {
        return { ...base, kind: 'json', reason: 'its current value is not a plain list' };
      }
      const options =
        Array.isArray(item.enum) && item.enum.every((o) => typeof o === (itemType === 'string' ? 'string' : 'number'))
          ? (item.enum as (string | number)[])
          : null;
      return { ...base, kind: 'list', item: itemType, options };
    }
    default:
      return {
        ...base,
        kind: 'json',
        reason: type === undefined ? 'its type is not given' : `its type is ${JSON.stringify(type)}`,
      };
  }
}

function stringKind(schema: Schema, value: unknown): 'text' | 'email' | 'url' | 'textarea' {
  if (schema.format === 'email' || schema.format === 'idn-email') return 'email';
  if (schema.format === 'uri' || schema.format === 'url' || schema.format === 'iri') return 'url';
  const long =
    (num(schema.maxLength) ?? 0) > LONG_MAX ||
    (typeof value === 'string' && (value.length > LONG_VALUE || value.includes('\n')));
  return long ? 'textarea' : 'text';
}

function common(keys: string[], schema: unknown, required: boolean, sensitive: readonly string[]): Common {
  const path = keys.join('.');
  const title =
    isObject(schema) && typeof schema.title === 'string' && schema.title.trim() ? schema.title.trim() : null;
  const description =
    isObject(schema) && typeof schema.description === 'string' && schema.description.trim()
      ? schema.description.trim()
      : null;
  return {
    keys,
    path,
    label: title ?? keys.at(-1) ?? 'Parameters',
    description,
    required,
    sensitive: keys.length > 0 && sensitive.some((s) => path === s || path.startsWith(`${s}.`)),
  };
}

/** Sensitive paths strictly inside this field (a JSON field holding them cannot be edited by those who see them masked). */
export function holdsSensitive(field: Pick<Common, 'path'>, sensitive: readonly string[]): boolean {
  return sensitive.some((s) => field.path === '' || s.startsWith(`${field.path}.`));
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Whether a validation issue at `issuePath` (dotted, without "params.") belongs next to this field. */
export function issueBelongsTo(field: FormField, issuePath: string): boolean {
  if (issuePath === field.path) return true;
  const holdsValue = field.kind === 'json' || field.kind === 'list';
  return holdsValue && (field.path === '' || issuePath.startsWith(`${field.path}.`));
}

/** Every field, nested ones included, in form order. */
export function flattenFields(fields: FormField[]): FormField[] {
  return fields.flatMap((f) => (f.kind === 'fieldset' ? [f, ...flattenFields(f.fields)] : [f]));
}

/**
 * Whether a reviewer who may not see sensitive fields must leave this field as it is: a sensitive field, or a JSON
 * or list field holding one (its masked text cannot be told apart from an edit of the value).
 */
export function isFieldLocked(field: FormField, sensitive: readonly string[], canEditSensitive: boolean): boolean {
  if (canEditSensitive) return false;
  return field.sensitive || ((field.kind === 'json' || field.kind === 'list') && holdsSensitive(field, sensitive));
}
