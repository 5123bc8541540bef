import { assertCan, type Actor } from '../auth/actor';
import { readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { grantRulesSchema, type GrantRules } from '../grants/schemas';
import { canonicalJson } from '../policy/canonical-json';

export type GrantRestorePlan = Awaited<ReturnType<typeof previewGrantRestore>>;

/**
 * "The agent's grants as they were at <time>": each current grant's rules at that time, read from its change history
 * (the `after` of the last grant.created / grant.updated at or before it), beside its rules now. Only grants whose
 * rules differ are listed to change. A grant created after the time, or revoked since, is named but not touched:
 * revoking or granting again is a decision of its own. Reads only.
 */
export async function previewGrantRestore(actor: Actor, input: { agentId: string; asOf: Date }) {
  assertCan(actor, 'actions.rollback');
  if (Number.isNaN(input.asOf.getTime()))
    throw new WardenError('invalid_input', 'asOf: not a date', { issues: [{ path: 'asOf', message: 'not a date' }] });
  if (input.asOf.getTime() > Date.now())
    throw new WardenError('invalid_input', 'asOf: must be in the past', {
      issues: [{ path: 'asOf', message: 'must be in the past' }],
    });
  const agent = await db().agent.findUnique({
    where: { id: input.agentId },
    select: { id: true, grants: { select: { id: true, version: true, tool: { select: { name: true } } } } },
  });
  if (!agent) throw new WardenError('not_found', 'No such agent.');
  const events = await db().auditEvent.findMany({
    where: { agentId: agent.id, type: { in: ['grant.created', 'grant.updated', 'grant.revoked'] } },
    select: { seq: true, at: true, type: true, payload: true },
    orderBy: { seq: 'asc' },
  });
  const atTime = new Map<string, { type: string; after: unknown }>();
  const latest = new Map<string, { type: string; after: unknown }>();
  // A grant whose recorded history does not parse (an older shape) is left as it is and named, never guessed at.
  const unreadable = new Set<string>();
  for (const event of events) {
    const read = readAuditPayload(event.type, event.payload);
    if (read.unparsed) {
      const tool = toolNamed(read.payload);
      if (tool !== null) unreadable.add(tool);
      continue;
    }
    if (read.type !== 'grant.created' && read.type !== 'grant.updated' && read.type !== 'grant.revoked') continue;
    const entry = { type: read.type, after: read.type === 'grant.revoked' ? undefined : read.payload.after };
    latest.set(read.payload.tool, entry);
    if (event.at.getTime() <= input.asOf.getTime()) atTime.set(read.payload.tool, entry);
  }

  const changes: { grantId: string; tool: string; version: number; now: GrantRules; then: GrantRules }[] = [];
  const skipped: { tool: string; why: string }[] = [];
  const granted = new Set(agent.grants.map((g) => g.tool.name));
  for (const grant of agent.grants) {
    if (unreadable.has(grant.tool.name)) {
      skipped.push({
        tool: grant.tool.name,
        why: 'its recorded history has an event Warden cannot read (see the audit log)',
      });
      continue;
    }
    const then = atTime.get(grant.tool.name);
    const current = latest.get(grant.tool.name);
    if (!then || then.type === 'grant.revoked') {
      skipped.push({ tool: grant.tool.name, why: 'granted after that time: revoke it on its page if it should go' });
      continue;
    }
    if (!current || current.type === 'grant.revoked') continue;
    const thenRules = grantRulesSchema.parse(then.after);
    const nowRules = grantRulesSchema.parse(current.after);
    if (canonicalJson(thenRules) !== canonicalJson(nowRules))
      changes.push({
        grantId: grant.id,
        tool: grant.tool.name,
        version: grant.version,
        now: nowRules,
        then: thenRules,
      });
  }
  for (const [tool, then] of atTime) {
    if (then.type !== 'grant.revoked' && !granted.has(tool) && !unreadable.has(tool))
      skipped.push({ tool, why: 'revoked since: grant it again on the agent page if it should come back' });
  }
  return { agentId: agent.id, asOf: input.asOf.toISOString(), changes, skipped };
}

function toolNamed(payload: unknown): string | null {
  const tool = payload !== null && typeof payload === 'object' ? (payload as { tool?: unknown }).tool : undefined;
  return typeof tool === 'string' ? tool : null;
}
