import { isWriteLevel, type ActionLevel } from './action-levels';

/**
 * The gate's decision, as a pure function of what Warden knows at the moment of a proposal.
 * No I/O, no clock, no randomness: the same facts always give the same outcome and reasons.
 */
export type AuthorityFacts = {
  globalStop: boolean;
  agent: { status: string };
  /** null when no tool of that name exists. */
  tool: { name: string; actionLevel: ActionLevel; enabled: boolean } | null;
  /** null when the agent holds no grant for the tool. */
  grant: { approvalRequired: boolean } | null;
};

export type DecisionFacts = AuthorityFacts & { agent: { status: string; mode: string } };

export type Outcome = 'approved' | 'pending_review' | 'draft' | 'blocked';

export type Decision = { outcome: Outcome; reasons: string[] };

/**
 * Everything that forbids the agent from using the tool right now, in a fixed order: global stop, agent paused,
 * unknown tool, tool disabled, no grant. All are reported, so the console can explain everything at once.
 * Used for proposals and again when an approved action is claimed: the world may have changed since approval.
 */
export function blockingReasons(facts: AuthorityFacts): string[] {
  const blocks: string[] = [];
  if (facts.globalStop) blocks.push('global stop is engaged');
  if (facts.agent.status !== 'active') blocks.push('agent is paused');
  if (!facts.tool) {
    blocks.push('tool does not exist');
  } else {
    if (!facts.tool.enabled) blocks.push(`tool ${facts.tool.name} is disabled`);
    if (!facts.grant) blocks.push(`tool ${facts.tool.name} is not granted to this agent`);
  }
  return blocks;
}

export function decideProposal(facts: DecisionFacts): Decision {
  try {
    const blocks = blockingReasons(facts);
    if (blocks.length > 0 || !facts.tool || !facts.grant) return { outcome: 'blocked', reasons: blocks };

    if (facts.agent.mode !== 'live' && isWriteLevel(facts.tool.actionLevel)) {
      return { outcome: 'draft', reasons: [`agent is in draft-only mode and ${facts.tool.actionLevel} actions write`] };
    }
    if (facts.grant.approvalRequired) {
      return { outcome: 'pending_review', reasons: [`grant requires approval for ${facts.tool.name}`] };
    }
    return { outcome: 'approved', reasons: [`granted ${facts.tool.name} without approval`] };
  } catch {
    // Total: whatever went wrong, the answer is "blocked", never "allowed".
    return { outcome: 'blocked', reasons: ['policy could not be evaluated'] };
  }
}

/** The claim-time re-check: an empty list means the approved action may start executing. */
export function claimBlockers(facts: AuthorityFacts): string[] {
  try {
    return blockingReasons(facts);
  } catch {
    return ['policy could not be evaluated'];
  }
}
