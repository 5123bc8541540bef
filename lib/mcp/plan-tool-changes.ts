import { definitionHash, suggestActionLevel, type UpstreamToolDefinition } from './tool-definition';

export type ImportedTool = { upstreamName: string; definitionHash: string };
export type PendingChange = { id: string; upstreamName: string; kind: string; definitionHash: string };
export type NewChange = {
  upstreamName: string;
  kind: 'added' | 'changed' | 'removed';
  definition: UpstreamToolDefinition | null;
  definitionHash: string;
  suggestedLevel: string;
};

/**
 * What a listing of the upstream's tools means for the catalogue, reading nothing: a tool not imported yet is
 * `added`, an imported one whose definition hash moved is `changed`, an imported one no longer listed is `removed`.
 * A change already pending for the same definition stays as it is; a pending change the listing no longer bears
 * out (the upstream moved again, or back) is superseded. Nothing here touches the catalogue: an admin accepts.
 */
export function planToolChanges(
  imported: ImportedTool[],
  pending: PendingChange[],
  listed: UpstreamToolDefinition[],
): { create: NewChange[]; supersede: string[] } {
  const importedBy = new Map(imported.map((t) => [t.upstreamName, t]));
  const wanted: NewChange[] = [];
  for (const definition of listed) {
    const hash = definitionHash(definition);
    const current = importedBy.get(definition.name);
    if (current?.definitionHash === hash) continue;
    wanted.push({
      upstreamName: definition.name,
      kind: current ? 'changed' : 'added',
      definition,
      definitionHash: hash,
      suggestedLevel: suggestActionLevel(definition.annotations),
    });
  }
  const listedNames = new Set(listed.map((d) => d.name));
  for (const tool of imported) {
    if (listedNames.has(tool.upstreamName)) continue;
    wanted.push({
      upstreamName: tool.upstreamName,
      kind: 'removed',
      definition: null,
      definitionHash: '',
      suggestedLevel: '',
    });
  }
  const same = (p: PendingChange, w: NewChange) =>
    p.upstreamName === w.upstreamName && p.kind === w.kind && p.definitionHash === w.definitionHash;
  return {
    create: wanted.filter((w) => !pending.some((p) => same(p, w))),
    supersede: pending.filter((p) => !wanted.some((w) => same(p, w))).map((p) => p.id),
  };
}
