import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { describeStop, stopsCovering } from '../policy/stop-coverage';
import { notifyActionChanged } from '../realtime/action-changes';
import { toActionView, type ActionView } from './action-view';
import { reportResultSchema, type ReportResultInput } from './schemas';
import { transitionAction } from './transition-action';

/**
 * executing → succeeded / failed, reported by the agent that claimed it; the outcome is final. A stop engaged while
 * it was in flight does not refuse the report (it already ran): the answer carries `stop`, naming the switches, so
 * the agent learns of the stop on this call.
 */
export async function reportActionResult(
  actor: Actor,
  actionId: string,
  input: ReportResultInput,
): Promise<ActionView & { stop?: { reasons: string[] } }> {
  assertCan(actor, 'actions.execute');
  const report = reportResultSchema.parse(input);
  const to = report.ok ? 'succeeded' : 'failed';
  const downstreamRef = report.downstreamRef ?? null;

  const outcome = await db().$transaction(async (tx) => {
    const moved = await transitionAction(tx, {
      id: actionId,
      agentId: actor.id,
      from: 'executing',
      to,
      changes: {
        result: JSON.stringify({ ok: report.ok, output: report.output ?? null, error: report.error ?? null }),
        downstreamRef,
      },
    });
    if (!moved) {
      const current = await tx.action.findFirst({
        where: { id: actionId, agentId: actor.id },
        select: { status: true },
      });
      return { moved: false as const, status: current?.status ?? null };
    }
    const refs = { actor, actionId, agentId: actor.id };
    if (report.ok) await recordAuditEvent(tx, { ...refs, type: 'action.succeeded', payload: { downstreamRef } });
    else
      await recordAuditEvent(tx, {
        ...refs,
        type: 'action.failed',
        payload: { error: report.error ?? null, downstreamRef },
      });
    return { moved: true as const };
  });

  if (!outcome.moved) {
    if (!outcome.status) throw new WardenError('not_found', 'No such action.');
    throw new WardenError(
      'conflict',
      `A result can only be reported for an executing action; this one is ${outcome.status}.`,
      {
        status: outcome.status,
      },
    );
  }
  notifyActionChanged(actionId);
  const action = await db().action.findUniqueOrThrow({ where: { id: actionId }, include: { reviewer: true } });
  const stops = stopsCovering(await readEngagedStops(db(), action.agentId), {
    agentId: action.agentId,
    toolName: action.toolName,
    createdAt: action.createdAt,
    expiresAt: null,
  });
  const view = toActionView(action);
  return stops.length > 0 ? { ...view, stop: { reasons: stops.map(describeStop) } } : view;
}
