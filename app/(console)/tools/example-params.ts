/**
 * A plausible example call built from a tool's JSON Schema (its `examples`/`default`/`enum` where given, else a
 * placeholder by type), for previewing the summary template. Pure and client-safe.
 */
export function exampleParams(schema: unknown): Record<string, unknown> {
  const value = exampleOf(schema, 'value', 0);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function exampleOf(schema: unknown, name: string, depth: number): unknown {
  if (!schema || typeof schema !== 'object' || depth > 4) return name;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(properties).map(([key, child]) => [key, exampleOf(child, key, depth + 1)]),
      );
    }
    case 'array':
      return [exampleOf(s.items, name, depth + 1)];
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 42;
    case 'boolean':
      return true;
    default:
      return s.format === 'email' ? 'ann@example.com' : s.format === 'uri' ? 'https://example.com' : `${name}-example`;
  }
}
