import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { LocalTime } from '@/components/viewer-zone';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getReturnToNormal } from '@/lib/return-to-normal/get-return-to-normal';
import { orNotFound } from '../../../errors';
import { requireUser } from '../../../require-user';
import { IncidentReturnPanel } from './incident-return-panel';

export const metadata: Metadata = { title: 'Return to normal' };

/**
 * An incident's return to normal: what it will do (switches released, agents resumed, keys that stay revoked), the
 * request another admin approves, and the history. Approving releases and resumes; it approves or runs no action.
 */
export default async function IncidentRecoveryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Return to normal">Incidents and their return to normal are for admins.</AccessDenied>;
  }
  const { id } = await params;
  const view = await orNotFound(getReturnToNormal(actor, { incidentId: id }));

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader
          title="What the return to normal will do"
          description="Approving it releases these switches and resumes these agents in one step. It approves or runs no action: what the switches refused stays refused, what waits still waits for a reviewer."
        />
        <CardBody className="grid gap-5 md:grid-cols-2">
          <PlanList heading="Switches to release" empty="None engaged: nothing to release.">
            {view.switches.map((s) => (
              <li key={s.id}>
                <span className="font-medium text-gray-900">{s.effect}</span> on {s.target || 'everything'}
                <span className="block text-xs break-words text-gray-600">
                  Reason: {s.reason}
                  {s.engagedAt ? (
                    <>
                      {' '}
                      · since <LocalTime iso={s.engagedAt.toISOString()} />
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </PlanList>
          <PlanList heading="Agents to resume" empty="None: no agent this incident paused is still paused.">
            {view.agentsToResume.map((agent) => (
              <li key={agent.id}>
                <Link className="text-indigo-700 underline" href={`/agents/${agent.id}`}>
                  {agent.name}
                </Link>
              </li>
            ))}
          </PlanList>
          {view.heldByAnotherIncident.length > 0 ? (
            <PlanList heading="Agents that stay paused" empty="">
              {view.heldByAnotherIncident.map((agent) => (
                <li key={agent.id}>
                  <Link className="text-indigo-700 underline" href={`/agents/${agent.id}`}>
                    {agent.name}
                  </Link>
                  : also paused by incident “{agent.incident}”, until its own return to normal.
                </li>
              ))}
            </PlanList>
          ) : null}
          <PlanList heading="Keys that stay revoked" empty="None revoked by this incident.">
            {view.revokedKeys.map((key) => (
              <li key={`${key.agent}-${key.prefix}`}>
                {key.agent}: <code className="text-xs">{key.prefix}…</code> (revoked{' '}
                <LocalTime iso={key.revokedAt.toISOString()} />
                ). Issue new keys on the agent&apos;s page when it is safe.
              </li>
            ))}
          </PlanList>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Return to normal"
          description={
            view.activeAdmins > 1
              ? 'Two people: one admin asks, another approves before the request expires.'
              : 'This workspace has one active admin: they may return to normal alone with their password again.'
          }
        />
        <CardBody>
          <IncidentReturnPanel
            incidentId={id}
            pending={view.pending}
            history={view.history}
            nothingToDo={view.nothingToDo}
            viewer={view.viewer}
            ttlMinutes={view.ttlMinutes}
          />
          {view.nothingToDo && !view.pending ? (
            <p className="text-sm text-gray-700">
              Nothing is held by this incident any more: there is nothing to return to normal.
            </p>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}

function PlanList({ heading, empty, children }: { heading: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section aria-label={heading}>
      <h3 className="text-sm font-semibold text-gray-900">{heading}</h3>
      {children.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-2 text-sm text-gray-800">{children}</ul>
      ) : (
        <p className="mt-2 text-sm text-gray-600">{empty}</p>
      )}
    </section>
  );
}
