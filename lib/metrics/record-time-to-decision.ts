import { metrics } from './registry';

/** A human decision made an action final: observed once the decision's transaction has committed. */
export function recordTimeToDecision(decision: string, proposedAt: Date, decidedAt = new Date()): void {
  if (decision !== 'approved' && decision !== 'rejected') return; // an approval short of its quorum decides nothing
  metrics().timeToDecision.observe({ decision }, Math.max(0, (decidedAt.getTime() - proposedAt.getTime()) / 1000));
}
