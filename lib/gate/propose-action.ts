import { assertCan, type Actor } from '../auth/actor';
import { commitsWritesApart, inTransaction, runOutsideTransaction } from '../db/sql-runner';
import { invalidInput, WardenError, type FieldIssue } from '../errors';
import { newTraceId } from '../ids/time-ordered-id';
import type { Outcome } from '../policy/decide-proposal';
import { needsPendingCount } from '../policy/pending-cap';
import { notifyActionChanged } from '../realtime/action-changes';
import { countsUsage } from './count-gate-usage';
import { gateFactsFrom, loadGateFacts, type GateRequest } from './load-gate-facts';
import type { PrefetchedGateInputs } from './prefetch-gate-inputs';
import { paramsHash } from '../actions/params-hash';
import { planProposal, type GateOutcome, type ProposalPlan } from './plan-proposal';
import { recordProposal } from './record-proposal';
import { proposeActionSchema, type ProposeActionInput } from '../actions/schemas';

export type ProposalResult = {
  id: string;
  status: Exclude<Outcome, 'throttled'>;
  decision: { outcome: Outcome; reasons: string[] };
};

/**
 * The gate. Reads the switches, the agent, the tool and the grant, decides with the pure policy (planProposal), and
 * records the action with its audit events in one transaction.
 *
 * Where it reads depends on the grant. Most grants count nothing (no rate limit, trace cap, pending cap or loop
 * rule), so their decision needs no lock: the facts are read outside any transaction and only the writes form one
 * (commitWrites: shared with the other proposals of the moment). On PostgreSQL the reads go on the connection the
 * key lookups share and the writes travel with BEGIN and COMMIT in one round trip; on SQLite both run on the hot
 * path's worker connection, off the server's thread. Facts read a moment before the write are what a transaction at
 * READ COMMITTED sees too, and nothing runs on an approval without a claim, which checks the stop, the pause, the
 * tool and the grant again. The agent API issues those reads with the key lookup (`prefetched`:
 * prefetch-gate-inputs.ts), so they are usually back when the gate starts. A grant that counts is read again, counted
 * and written in one transaction holding the agent's counters (count-gate-usage.ts), so its limits stay exact under
 * concurrency. So is a proposal that would queue: every agent has a pending cap (the grant's, or
 * WARDEN_DEFAULT_MAX_PENDING: lib/policy/pending-cap.ts). (Should SQLite's worker be gone, every proposal takes that
 * path: reads inside the group commit's transaction cost less than outside it.)
 */
export async function proposeAction(
  actor: Actor,
  input: ProposeActionInput,
  prefetched?: Promise<PrefetchedGateInputs | null>,
): Promise<ProposalResult> {
  assertCan(actor, 'actions.propose');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent can propose actions.');
  const parsed = proposeActionSchema.parse(input);
  const now = Date.now();
  const proposal = {
    ...parsed,
    traceId: parsed.traceId ?? newTraceId(now),
    paramsHash: paramsHash(actor.id, parsed.tool, parsed.params),
    now,
  };
  const request: GateRequest = {
    agentId: actor.id,
    tool: proposal.tool,
    params: proposal.params,
    reason: proposal.reason ?? null,
    traceId: proposal.traceId,
    paramsHash: proposal.paramsHash,
    requesterAssertion: proposal.requesterAssertion,
    now,
  };

  const snapshot = (await commitsWritesApart()) ? await readSnapshot(request, prefetched) : null;
  // A proposal that would queue is decided again with the pending count (every agent has a pending cap): only those
  // pay for the transaction, so an open grant's calls that are approved, drafted or blocked keep the fast path.
  const uncounted = snapshot && !countsUsage(snapshot.facts.grant) ? planProposal(actor, proposal, snapshot) : null;
  const outcome =
    uncounted && !needsPendingCount(uncounted.outcome)
      ? await recordUncounted(uncounted)
      : await inTransaction(async (runner) => {
          const plan = planProposal(actor, proposal, await loadGateFacts(runner, request));
          await recordProposal(plan, { runner });
          return plan.outcome;
        });

  if (outcome.kind === 'invalid') throw invalidParams(outcome.issues);
  if (outcome.kind === 'throttled')
    throw new WardenError('rate_limited', `Too many calls: ${outcome.reasons.join('; ')}.`, {
      reasons: outcome.reasons,
    });
  notifyActionChanged(outcome.id);
  return { id: outcome.id, status: outcome.outcome, decision: { outcome: outcome.outcome, reasons: outcome.reasons } };
}

/**
 * The facts outside any transaction: the reads made while the key was looked up (prefetch-gate-inputs.ts) when they
 * are this agent's for this tool, else read now.
 */
async function readSnapshot(request: GateRequest, prefetched: Promise<PrefetchedGateInputs | null> | undefined) {
  const early = await prefetched;
  if (early?.toolName === request.tool && early.inputs.row?.agent.id === request.agentId)
    return gateFactsFrom(early.inputs, request, null);
  return runOutsideTransaction((runner) => loadGateFacts(runner, request, { counters: false }));
}

/** A plan decided outside any transaction: its rows commit on their own (grouped with others'). */
async function recordUncounted(plan: ProposalPlan): Promise<GateOutcome> {
  await recordProposal(plan, 'apart');
  return plan.outcome;
}

function invalidParams(issues: FieldIssue[]): WardenError {
  return invalidInput(
    `Parameters do not match the tool's schema: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
    issues,
  );
}
