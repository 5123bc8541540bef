import { assertCan, can, type Actor } from '../auth/actor';
import { readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { rollbackSummary } from './rollback-state';

export type ActionRollback = Awaited<ReturnType<typeof getActionRollback>>;

/**
 * What the action page shows about undoing an action: how its tool declares rollback, each compensation attempt
 * (newest first) with who asked for it, a manual rollback if one was recorded, and — on a compensation — the action it
 * undoes. Reads only.
 */
export async function getActionRollback(actor: Actor, actionId: string) {
  assertCan(actor, 'actions.read');
  const action = await db().action.findUnique({
    where: { id: actionId },
    select: {
      id: true,
      status: true,
      rollbackOfId: true,
      tool: { select: { name: true, rollbackKind: true, rollbackInstructions: true, rollbackToolName: true } },
    },
  });
  if (!action) throw new WardenError('not_found', 'No such action.');
  const [attempts, requests, manual, original] = await Promise.all([
    db().action.findMany({
      where: { rollbackOfId: action.id },
      select: { id: true, status: true, toolName: true, createdAt: true },
      orderBy: { id: 'desc' },
    }),
    db().auditEvent.findMany({
      where: { actionId: action.id, type: 'rollback.requested' },
      select: { actorId: true, actorType: true, payload: true },
    }),
    db().auditEvent.findFirst({
      where: { actionId: action.id, type: 'rollback.recorded_manually' },
      select: { actorId: true, actorType: true, at: true, payload: true },
    }),
    action.rollbackOfId
      ? db().action.findUnique({
          where: { id: action.rollbackOfId },
          select: { id: true, toolName: true, status: true },
        })
      : null,
  ]);
  const people = await namesOf([...requests.map((r) => r.actorId), manual?.actorId].filter((id): id is string => !!id));
  const requestedBy = new Map(
    requests.flatMap((r) => {
      const read = readAuditPayload('rollback.requested', r.payload);
      return read.unparsed ? [] : [[read.payload.rollbackId, people.get(r.actorId ?? '') ?? r.actorType] as const];
    }),
  );
  const manualNote = manual && readAuditPayload('rollback.recorded_manually', manual.payload);
  const kind = action.tool?.rollbackKind ?? 'none';
  const summary = rollbackSummary(attempts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })));
  return {
    kind,
    instructions: action.tool?.rollbackInstructions ?? '',
    compensatingTool: action.tool?.rollbackToolName ?? null,
    summary: manual && summary !== 'rolled_back' ? ('rolled_back_manually' as const) : summary,
    attempts: attempts.map((a) => ({
      id: a.id,
      status: a.status,
      tool: a.toolName,
      createdAt: a.createdAt.toISOString(),
      requestedBy: requestedBy.get(a.id) ?? null,
    })),
    manual: manual && {
      by: people.get(manual.actorId ?? '') ?? manual.actorType,
      at: manual.at.toISOString(),
      // An unreadable note (an older shape) is shown as recorded.
      note: !manualNote || manualNote.unparsed ? (manualNote?.raw ?? '') : manualNote.payload.note,
    },
    rollbackOf: original,
    viewerCanRollBack: can(actor, 'actions.rollback') && action.status === 'succeeded',
  };
}

async function namesOf(ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(users.map((u) => [u.id, u.name]));
}
