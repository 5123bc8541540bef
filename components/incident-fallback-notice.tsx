import { Siren } from 'lucide-react';
import Link from 'next/link';
import type { AgentIncidentFallback } from '@/lib/incidents/list-agent-incident-fallbacks';

/**
 * While an open incident covers the agent: which incident, and what reviewers do by hand meanwhile (the incident's
 * manual fallback, written by an admin, never by the agent). Nothing once every incident covering it is closed. The
 * page reads the incidents (`listAgentIncidentFallbacks`) once and hands them to whatever else needs them.
 */
export function IncidentFallbackNotice({ incidents }: { incidents: AgentIncidentFallback[] }) {
  if (incidents.length === 0) return null;
  return (
    <>
      {incidents.map((incident) => (
        <section
          key={incident.incidentId}
          aria-labelledby={`incident-fallback-${incident.incidentId}`}
          className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
        >
          <h2 id={`incident-fallback-${incident.incidentId}`} className="flex items-center gap-2 font-semibold">
            <Siren aria-hidden className="size-4 shrink-0" />
            <span className="min-w-0 break-words">
              Open incident:{' '}
              {incident.viewerCanOpen ? (
                <Link href={`/incidents/${incident.incidentId}`} className="underline">
                  {incident.title}
                </Link>
              ) : (
                incident.title
              )}{' '}
              ({incident.severity})
            </span>
          </h2>
          {incident.manualFallback ? (
            <p className="mt-1 break-words whitespace-pre-line">
              <span className="font-medium">Manual fallback: </span>
              {incident.manualFallback}
            </p>
          ) : (
            <p className="mt-1">
              No manual fallback has been written for this incident yet. Ask an admin what to do by hand.
            </p>
          )}
        </section>
      ))}
    </>
  );
}
