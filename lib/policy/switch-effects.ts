/**
 * Kill switches in the gate: which engaged switches apply to one (agent, tool) pair, and what they do together.
 * Pure: the gate, the claim and the review each read the engaged switches and ask here.
 */
export const SWITCH_SCOPES = ['global', 'agent', 'tool', 'agent-tool'] as const;
export const SWITCH_EFFECTS = ['block', 'review-all', 'draft-only'] as const;
export type SwitchScope = (typeof SWITCH_SCOPES)[number];
export type SwitchEffect = (typeof SWITCH_EFFECTS)[number];

export type SwitchFact = {
  id: string;
  scope: SwitchScope;
  /** The agent's id for agent and agent-tool scopes. */
  agentId: string | null;
  /** The tool's name for tool and agent-tool scopes. */
  toolName: string | null;
  effect: SwitchEffect;
  reason: string;
};

/** Strongest first: a block outranks turning writes into drafts, which outranks sending everything to review. */
const STRENGTH: Record<SwitchEffect, number> = { block: 3, 'draft-only': 2, 'review-all': 1 };

export function switchApplies(fact: SwitchFact, agentId: string, toolName: string | null): boolean {
  switch (fact.scope) {
    case 'global':
      return true;
    case 'agent':
      return fact.agentId === agentId;
    case 'tool':
      return toolName !== null && fact.toolName === toolName;
    case 'agent-tool':
      return fact.agentId === agentId && toolName !== null && fact.toolName === toolName;
    default:
      // An unknown scope is a switch Warden cannot place: it applies (fail closed).
      return true;
  }
}

/** The switches that apply, strongest effect first (ties by id, so reasons read the same every time). */
export function applicableSwitches(
  switches: readonly SwitchFact[],
  agentId: string,
  toolName: string | null,
): SwitchFact[] {
  return switches
    .filter((fact) => switchApplies(fact, agentId, toolName))
    .sort((a, b) => strength(b.effect) - strength(a.effect) || a.id.localeCompare(b.id));
}

/** The strongest effect in force for the pair, or null when no switch applies. */
export function strongestEffect(
  switches: readonly SwitchFact[],
  agentId: string,
  toolName: string | null,
): SwitchEffect | null {
  return applicableSwitches(switches, agentId, toolName)[0]?.effect ?? null;
}

/** How a switch is named in a refusal: the agent and the reviewers read which switch and why. */
export function describeSwitch(fact: SwitchFact): string {
  const target = switchTarget(fact);
  return `switch ${fact.id} (${fact.effect} on ${target || 'everything'}): ${fact.reason}`;
}

export function switchTarget(fact: Pick<SwitchFact, 'scope' | 'agentId' | 'toolName'>): string {
  if (fact.scope === 'agent') return `agent ${fact.agentId}`;
  if (fact.scope === 'tool') return `tool ${fact.toolName}`;
  if (fact.scope === 'agent-tool') return `agent ${fact.agentId} tool ${fact.toolName}`;
  return '';
}

/** The block switches in force for the pair, described: what refuses a proposal, a claim or an approval. */
export function switchBlocks(switches: readonly SwitchFact[], agentId: string, toolName: string | null): string[] {
  return applicableSwitches(switches, agentId, toolName)
    .filter((fact) => fact.effect !== 'review-all' && fact.effect !== 'draft-only')
    .map(describeSwitch);
}

function strength(effect: SwitchEffect): number {
  // An unknown effect is treated as the strongest (fail closed).
  return STRENGTH[effect] ?? 4;
}
