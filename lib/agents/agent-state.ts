/** What an agent's editors see and what a 409 reports as current: the identity fields and the CAS version. */
export type AgentState = {
  version: number;
  purpose: string;
  monitoringNote: string;
  shutoffContact: string;
  environment: string;
  mode: string;
  status: string;
  ownerId: string;
  archivedAt: string | null;
};

export function agentState(agent: {
  version: number;
  purpose: string;
  monitoringNote: string;
  shutoffContact: string;
  environment: string;
  mode: string;
  status: string;
  ownerId: string;
  archivedAt: Date | null;
}): AgentState {
  return {
    version: agent.version,
    purpose: agent.purpose,
    monitoringNote: agent.monitoringNote,
    shutoffContact: agent.shutoffContact,
    environment: agent.environment,
    mode: agent.mode,
    status: agent.status,
    ownerId: agent.ownerId,
    archivedAt: agent.archivedAt?.toISOString() ?? null,
  };
}
