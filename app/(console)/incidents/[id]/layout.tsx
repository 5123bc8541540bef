import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { AgentStatusBadge } from '@/components/agent-state-badges';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getIncident } from '@/lib/incidents/get-incident';
import { CONTAINMENT_LABELS } from '@/lib/incidents/schemas';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { LocalTime } from '@/components/viewer-zone';
import { IncidentStatusBadge, SeverityBadge } from '../incident-badges';
import { CloseIncidentForm } from './close-incident-form';
import { IncidentTabs } from './incident-tabs';

/**
 * The workbench's frame on every tab: what the incident is (title, severity, status, window in the viewer's zone,
 * agents, containment and its switches' state), the close form, and the tabs. Each tab's page checks access itself.
 */
export default async function IncidentLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ id: string }>;
}) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incident">Incidents are opened, worked and closed by admins.</AccessDenied>;
  }
  const { id } = await params;
  const incident = await orNotFound(getIncident(actor, id));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/incidents" className="text-indigo-700 hover:underline">
          ← Incidents
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-gray-900">{incident.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-600">
            <IncidentStatusBadge status={incident.status} />
            <SeverityBadge severity={incident.severity} />
            <span>
              Window <LocalTime iso={incident.windowStart} /> →{' '}
              {incident.windowEnd ? <LocalTime iso={incident.windowEnd} /> : 'now (open)'}
            </span>
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {/* The signed bundle (actions, audit, CSV, manifest): `warden evidence verify FILE` checks it offline. */}
          <Button asChild variant="secondary">
            <a href={`/incidents/${incident.id}/evidence`} download>
              Download evidence
            </a>
          </Button>
          {incident.status === 'open' ? <CloseIncidentForm id={incident.id} version={incident.version} /> : null}
        </div>
      </div>
      <Card className="mb-4">
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
            <div className="min-w-0">
              <dt className="font-medium text-gray-600">Agents</dt>
              <dd className="mt-0.5 text-gray-900">
                {incident.allAgents ? <p className="font-medium">All agents</p> : null}
                {!incident.allAgents || incident.agents.length > 0 ? (
                  <ul className="flex flex-col gap-1">
                    {incident.agents.map((agent) => (
                      <li key={agent.id} className="flex flex-wrap items-center gap-2">
                        <Link href={`/agents/${agent.id}`} className="break-all text-indigo-700 hover:underline">
                          {agent.name}
                        </Link>
                        <AgentStatusBadge status={agent.status} />
                        {agent.pausedByIncident ? (
                          <span className="text-xs text-gray-600">paused by this incident</span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="font-medium text-gray-600">Containment</dt>
              <dd className="mt-0.5 text-gray-900">
                {incident.containment.length === 0 ? (
                  <span className="text-gray-600">None chosen at opening</span>
                ) : (
                  incident.containment.map((c) => CONTAINMENT_LABELS[c] ?? c).join(' · ')
                )}
                {incident.switches.length > 0 ? (
                  <ul className="mt-1 flex flex-col gap-1">
                    {incident.switches.map((s) => (
                      <li key={s.id} className="flex flex-wrap items-center gap-2">
                        <Badge tone={s.engaged ? 'violet' : 'gray'}>{s.effect}</Badge>
                        <span>{s.scope === 'global' ? 'every agent' : s.agentName}</span>
                        <span className="text-xs text-gray-600">{s.engaged ? 'engaged' : 'released'}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="font-medium text-gray-600">Opened</dt>
              <dd className="mt-0.5 text-gray-900">
                <LocalTime iso={incident.openedAt} /> by {incident.openedBy}
              </dd>
            </div>
            {incident.status === 'closed' ? (
              <div className="min-w-0">
                <dt className="font-medium text-gray-600">Closed</dt>
                <dd className="mt-0.5 text-gray-900">
                  {incident.closedAt ? <LocalTime iso={incident.closedAt} /> : null} by {incident.closedBy}
                  <p className="mt-1 break-words whitespace-pre-line">Resolution: {incident.resolution}</p>
                </dd>
              </div>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <IncidentTabs id={incident.id} />
      {children}
    </>
  );
}
