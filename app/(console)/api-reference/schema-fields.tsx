import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import type { JsonSchema } from '@/lib/http/openapi';

type Field = { name: string; type: string; required: boolean; description: string; rules: string[] };

/** A JSON Schema object as a table of fields; nested objects and arrays of objects become dotted rows (sources[].title). */
export function SchemaFields({ schema }: { schema: JsonSchema }) {
  const fields = flatten(schema, '');
  if (fields.length === 0) return <p className="px-4 py-3 text-sm text-gray-600 sm:px-5">No fields.</p>;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Field</Th>
          <Th>Type</Th>
          <Th>Required</Th>
          <Th>Description</Th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name}>
            <Td className="font-mono text-xs whitespace-nowrap">{field.name}</Td>
            <Td className="font-mono text-xs">{field.type}</Td>
            <Td>
              {field.required ? <Badge tone="amber">required</Badge> : <span className="text-gray-500">optional</span>}
            </Td>
            <Td>
              {field.description}
              {field.rules.length > 0 ? (
                <span className="mt-0.5 block text-xs text-gray-500">{field.rules.join(' · ')}</span>
              ) : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function flatten(schema: JsonSchema, prefix: string): Field[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([key, property]) => {
    const name = `${prefix}${key}`;
    const field = {
      name,
      type: typeOf(property),
      required: required.has(key),
      description: String(property.description ?? ''),
      rules: rulesOf(property),
    };
    const items = property.items as JsonSchema | undefined;
    if (items?.properties) return [field, ...flatten(items, `${name}[].`)];
    if (property.properties) return [field, ...flatten(property, `${name}.`)];
    return [field];
  });
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return 'any JSON';
  return types
    .map((type) => (type === 'array' ? `${typeOf((schema.items ?? {}) as JsonSchema)}[]` : String(type)))
    .join(' | ');
}

const RULES: [keyword: string, label: string][] = [
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['maxItems', 'max items'],
  ['pattern', 'pattern'],
  ['format', 'format'],
  ['default', 'default'],
];

function rulesOf(schema: JsonSchema): string[] {
  return RULES.filter(([keyword]) => keyword in schema).map(
    ([keyword, label]) => `${label} ${JSON.stringify(schema[keyword])}`,
  );
}
