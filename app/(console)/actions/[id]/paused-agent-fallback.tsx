import { CirclePause } from 'lucide-react';
import type { UserActor } from '@/lib/auth/actor';
import { getPausedAgentFallback } from '@/lib/agents/get-paused-agent-fallback';
import type { AgentIncidentFallback } from '@/lib/incidents/list-agent-incident-fallbacks';

/**
 * While the agent is paused, the reviewer reads what to do by hand instead (its owner's manual fallback). Nothing is
 * shown while it runs. The text is the owner's or an admin's, not the agent's.
 */
export async function PausedAgentFallback({
  actor,
  agentId,
  incidents,
}: {
  actor: UserActor;
  agentId: string;
  /** The open incidents covering the agent, as the page read them for the notice above. */
  incidents: AgentIncidentFallback[];
}) {
  const paused = await getPausedAgentFallback(actor, agentId);
  if (!paused) return null;
  // An open incident's fallback (shown just above) is the instruction then; "none written" would contradict it.
  const incidentSaysWhatToDo = incidents.some((incident) => incident.manualFallback);
  if (!paused.manualFallback && incidentSaysWhatToDo) return null;
  return (
    <section
      aria-labelledby="paused-fallback"
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="paused-fallback" className="flex items-center gap-2 font-semibold">
        <CirclePause aria-hidden className="size-4 shrink-0" />
        {paused.agentName} is paused: manual fallback
      </h2>
      {paused.manualFallback ? (
        <p className="mt-1 whitespace-pre-line break-words">{paused.manualFallback}</p>
      ) : (
        <p className="mt-1">
          No manual fallback has been written for this agent. Ask its owner, {paused.ownerName}, what to do by hand.
        </p>
      )}
    </section>
  );
}
