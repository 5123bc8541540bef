import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { EmptyState } from '@/components/empty-state';
import { formatAge } from '@/components/format-time';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/actor';
import { listAgents } from '@/lib/agents/list-agents';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { requireUser } from '../require-user';
import { LocalTime } from '@/components/viewer-zone';
import { IncidentStatusBadge, SeverityBadge } from './incident-badges';
import { OpenIncidentForm } from './open-incident-form';

export const metadata: Metadata = { title: 'Incidents' };

/** Incidents (open first) and the form that opens one with its containment. Admins only. */
export default async function IncidentsPage() {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incidents">Incidents are opened, worked and closed by admins.</AccessDenied>;
  }
  const [incidents, agents] = await Promise.all([listIncidents(actor), listAgents(actor)]);

  return (
    <>
      <PageHeader
        title="Incidents"
        description="When an agent misbehaves: name the agents and since when, contain them in the same step, work the window, then close with a resolution. Releasing the containment is the return to normal, approved by a second admin."
      />
      <Card className="mb-6" aria-labelledby="incident-list">
        <CardHeader
          id="incident-list"
          title="All incidents"
          description={`${incidents.filter((i) => i.status === 'open').length} open · ${incidents.length} in all`}
        />
        {incidents.length === 0 ? (
          <EmptyState title="No incidents" description="Open one below when an agent does something it should not." />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Incident</Th>
                <Th>Status</Th>
                <Th>Severity</Th>
                <Th>Agents</Th>
                <Th>Window start</Th>
                <Th>Age</Th>
              </tr>
            </thead>
            <tbody>
              {incidents.map((incident) => (
                <tr key={incident.id}>
                  <Td className="min-w-48">
                    <TableLink href={`/incidents/${incident.id}`}>{incident.title}</TableLink>
                    {/* Phones see the first columns only: what it covers, said again under the title. */}
                    <span className="mt-0.5 block text-xs text-gray-600 sm:hidden">
                      {incident.allAgents ? 'All agents' : incident.agents.join(', ')} ·{' '}
                      {incident.status === 'open'
                        ? `opened ${formatAge(incident.openedAt)}`
                        : `closed ${formatAge(incident.closedAt ?? incident.openedAt)}`}
                    </span>
                  </Td>
                  <Td>
                    <IncidentStatusBadge status={incident.status} />
                  </Td>
                  <Td>
                    <SeverityBadge severity={incident.severity} />
                  </Td>
                  <Td className="min-w-40">
                    {incident.allAgents ? <span className="font-medium">All agents</span> : incident.agents.join(', ')}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <LocalTime iso={incident.windowStart} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {incident.status === 'open'
                      ? `opened ${formatAge(incident.openedAt)}`
                      : `closed ${formatAge(incident.closedAt ?? incident.openedAt)}`}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="open-incident">
        <CardHeader
          id="open-incident"
          title="Open incident"
          description="The window may start in the past. Containment is engaged in the same step as the incident."
        />
        <CardBody>
          <OpenIncidentForm
            agents={agents.map((agent) => ({ id: agent.id, name: agent.name, status: agent.status }))}
          />
        </CardBody>
      </Card>
    </>
  );
}
