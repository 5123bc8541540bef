import { createHash } from 'node:crypto';
import type { ActionLevel } from '../policy/action-levels';

/** What Warden keeps of an upstream tool's definition: the parts an agent or a reviewer would act on. */
export type UpstreamToolDefinition = {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
  annotations: { readOnlyHint?: boolean; destructiveHint?: boolean; openWorldHint?: boolean; idempotentHint?: boolean };
};

/** Stable JSON (keys sorted at every level): the same definition hashes the same whatever order the upstream sends. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function definitionHash(definition: UpstreamToolDefinition): string {
  return createHash('sha256').update(canonical(definition)).digest('hex');
}

/**
 * The action level the MCP annotations suggest; the admin confirms it on import. Annotations are hints from the
 * upstream (untrusted), so only an explicit read-only claim goes below "update", and the spec's defaults
 * (destructive, open world) read as the most cautious level.
 */
export function suggestActionLevel(annotations: UpstreamToolDefinition['annotations']): ActionLevel {
  if (annotations.readOnlyHint === true) return 'read';
  if (annotations.destructiveHint === false) return 'create';
  return annotations.openWorldHint === false ? 'update' : 'external';
}

/** The catalogue name agents see: `<server>.<tool>`, lowercased, other characters as `_` (Tool.name's alphabet). */
export function catalogueToolName(serverName: string, upstreamName: string): string {
  return `${serverName}.${upstreamName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`.slice(0, 100);
}

/** The definition as the upstream listed it, reduced to what Warden keeps (unknown annotation values dropped). */
export function toDefinition(tool: {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}): UpstreamToolDefinition {
  const hints: UpstreamToolDefinition['annotations'] = {};
  for (const key of ['readOnlyHint', 'destructiveHint', 'openWorldHint', 'idempotentHint'] as const) {
    const value = tool.annotations?.[key];
    if (typeof value === 'boolean') hints[key] = value;
  }
  return { name: tool.name, description: tool.description ?? '', inputSchema: tool.inputSchema, annotations: hints };
}
