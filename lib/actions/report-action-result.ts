import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvents } from '../audit/record-audit-event';
import { inTransaction } from '../db/sql-runner';
import { WardenError } from '../errors';
import { readEngagedStops } from '../kill-switches/read-engaged-stops';
import { describeStop, stopsCovering } from '../policy/stop-coverage';
import { notifyActionChanged } from '../realtime/action-changes';
import type { ActionView } from './action-view';
import { readActionView } from './read-action-view';
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

  const outcome = await inTransaction(async (runner) => {
    const moved = await transitionAction(runner, {
      id: actionId,
      agentId: actor.id,
      from: 'executing',
      to,
      changes: {
        result: JSON.stringify({ ok: report.ok, output: report.output ?? null, error: report.error ?? null }),
        downstreamRef,
      },
    });
    const found = await readActionView(runner, actionId);
    const own = found && found.row.agentId === actor.id ? found : null;
    if (!moved) return { moved: false as const, status: own?.view.status ?? null };
    const refs = { actor, actionId, agentId: actor.id };
    await recordAuditEvents(runner, [
      report.ok
        ? { ...refs, type: 'action.succeeded', payload: { downstreamRef } }
        : { ...refs, type: 'action.failed', payload: { error: report.error ?? null, downstreamRef } },
    ]);
    if (!own) throw new Error(`action ${actionId} moved but cannot be read back`); // rolls the move back
    const { view, row } = own;
    const stops = stopsCovering(await readEngagedStops(runner, actor.id), {
      agentId: actor.id,
      toolName: row.toolName,
      createdAt: row.createdAt,
      expiresAt: null,
    });
    return { moved: true as const, view, stops };
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
  const { view, stops } = outcome;
  return stops.length > 0 ? { ...view, stop: { reasons: stops.map(describeStop) } } : view;
}
