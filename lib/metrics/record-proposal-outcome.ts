import type { Actor } from '../auth/actor';
import { WardenError } from '../errors';
import type { Outcome } from '../policy/decide-proposal';
import { metrics } from './registry';

/** The gate's reason when the agent named a tool that does not exist (lib/policy/decide-proposal.ts). */
const NO_SUCH_TOOL = 'blocked: tool does not exist';
export const UNKNOWN_TOOL_LABEL = '(unknown)';

/**
 * The tool label of a proposal: the name the agent sent only when the gate found a tool of that name, so an agent
 * cannot mint label values (series) by naming tools that do not exist.
 */
export function proposalToolLabel(tool: string, reasons: readonly string[]): string {
  return reasons.includes(NO_SUCH_TOOL) ? UNKNOWN_TOOL_LABEL : tool;
}

/** Counts one decided proposal and its time in the gate. */
export function recordProposalOutcome(
  agent: string,
  tool: string,
  decision: { outcome: Outcome; reasons: readonly string[] },
  seconds: number,
): void {
  const m = metrics();
  m.proposals.inc({ outcome: decision.outcome, tool: proposalToolLabel(tool, decision.reasons), agent });
  m.gateLatency.observe({ outcome: decision.outcome }, seconds);
}

/**
 * Runs the gate for one proposal and records its outcome and latency: a decision (approved, pending review, draft,
 * blocked) or a throttle (the gate's 429). Anything else the gate throws (bad params, bad input) is no decision and
 * is not counted. The caller passes the tool name as parsed; it becomes a label only if the tool exists.
 */
export async function observeProposal<T extends { decision: { outcome: Outcome; reasons: string[] } }>(
  actor: Extract<Actor, { type: 'agent' }>,
  tool: string,
  propose: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  try {
    const result = await propose();
    recordProposalOutcome(actor.name, tool, result.decision, elapsed());
    return result;
  } catch (error) {
    // A throttle needs a grant, so the tool exists.
    if (error instanceof WardenError && error.code === 'rate_limited')
      recordProposalOutcome(actor.name, tool, { outcome: 'throttled', reasons: [] }, elapsed());
    throw error;
  }
}
