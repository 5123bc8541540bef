import type { Actor } from '../auth/actor';
import { buildEvidenceBundle } from './build-evidence-bundle';
import { collectIncidentRecord } from './collect-incident-record';
import type { EvidenceManifest } from './evidence-format';

/**
 * An incident's evidence bundle: its agents (every agent when it covers all) and its window — to its close, or to now
 * while open — plus incident.json (the record, notes, marks and its own events), all listed in the signed manifest.
 */
export async function buildIncidentEvidenceBundle(
  actor: Actor,
  incidentId: string,
  outFile: string,
): Promise<EvidenceManifest> {
  const record = await collectIncidentRecord(actor, incidentId);
  const end = record.windowEnd ? new Date(record.windowEnd) : new Date();
  return buildEvidenceBundle(
    actor,
    {
      agentNames: record.allAgents ? 'all' : record.agents.map((agent) => agent.name),
      from: new Date(record.windowStart),
      // The bundle's window excludes its end; the incident's includes the instant it closed.
      to: new Date(end.getTime() + 1),
    },
    outFile,
    record,
  );
}
