import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { describeStop, stopsCovering } from '../policy/stop-coverage';
import { readEngagedStops } from './read-engaged-stops';
import { prismaRunner } from '../db/sql-runner';

export type ActionStops = {
  /** waiting: frozen (no approval, deadline paused); approved: refused at claim; executing: in flight at the stop. */
  kind: 'frozen' | 'refused-at-claim' | 'in-flight';
  /** Each stop holding it, named as its refusals name it. */
  stops: string[];
};

const KIND = { pending_review: 'frozen', approved: 'refused-at-claim', executing: 'in-flight' } as const;

/** The engaged stops holding one action, for its review card; null when none does or the action is finished. */
export async function getActionStops(actor: Actor, actionId: string): Promise<ActionStops | null> {
  assertCan(actor, 'agents.read');
  const action = await db().action.findUnique({
    where: { id: actionId },
    select: { status: true, agentId: true, toolName: true, createdAt: true, expiresAt: true },
  });
  const kind = action ? KIND[action.status as keyof typeof KIND] : undefined;
  if (!action || !kind) return null;
  // An executing or approved action's deadline no longer matters: every block in scope holds it.
  const covering = stopsCovering(await readEngagedStops(prismaRunner(db()), action.agentId), {
    ...action,
    expiresAt: kind === 'frozen' ? action.expiresAt : null,
  });
  return covering.length > 0 ? { kind, stops: covering.map(describeStop) } : null;
}
