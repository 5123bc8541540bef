'use client';

import { createColumnHelper } from '@tanstack/react-table';
import Link from 'next/link';
import { AgentModeBadge, AgentStatusBadge } from '@/components/agent-state-badges';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { TableLink } from '@/components/ui/table';
import type { ReadinessScore } from '@/lib/agents/list-agent-readiness';
import type { AgentListRow as AgentRow } from '@/lib/agents/list-agents';

/** An agent with its readiness score (none for an archived agent: it is read-only, nothing to get ready). */
export type AgentListRow = AgentRow & { readiness: ReadinessScore | null };

const column = createColumnHelper<AgentListRow>();

const columns = [
  column.accessor('name', {
    header: 'Name',
    // On a phone the Status column is scrolled out of view: the status rides under the name there.
    cell: (info) => (
      <div className="flex flex-col items-start gap-1">
        <TableLink href={`/agents/${info.row.original.id}`} className="whitespace-nowrap">
          {info.getValue()}
        </TableLink>
        <span className="sm:hidden" data-testid="agent-status-under-name">
          <AgentState agent={info.row.original} />
        </span>
        <span className="text-xs sm:hidden">
          <ReadinessScoreCell agent={info.row.original} inline />
        </span>
      </div>
    ),
  }),
  column.accessor((agent) => agent.owner.name, {
    id: 'owner',
    header: 'Owner',
    cell: (info) => <span className="block min-w-28">{info.getValue()}</span>,
  }),
  column.accessor('purpose', {
    header: 'Purpose',
    enableSorting: false,
    cell: (info) => <p className="line-clamp-2 max-w-64 min-w-40 text-gray-700">{info.getValue()}</p>,
  }),
  column.accessor('environment', {
    header: 'Environment',
    cell: (info) => <span className="capitalize">{info.getValue()}</span>,
  }),
  column.accessor('status', { header: 'Status', cell: (info) => <AgentState agent={info.row.original} /> }),
  column.accessor('mode', { header: 'Mode', cell: (info) => <AgentModeBadge mode={info.getValue()} /> }),
  column.accessor((agent) => agent.readiness?.okCount ?? -1, {
    id: 'readiness',
    header: 'Readiness',
    cell: (info) => <ReadinessScoreCell agent={info.row.original} />,
  }),
  column.accessor('grantCount', {
    header: 'Grants',
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor('pendingCount', {
    header: 'Pending',
    cell: (info) => (
      <span className={info.getValue() > 0 ? 'font-semibold text-amber-800 tabular-nums' : 'tabular-nums'}>
        {info.getValue()}
      </span>
    ),
  }),
];

/** The score in words as well as numbers, linking to the checklist where the owner sees what to fix. */
function ReadinessScoreCell({ agent, inline = false }: { agent: AgentListRow; inline?: boolean }) {
  if (!agent.readiness) return inline ? null : <span className="text-gray-500">—</span>;
  const { okCount, total } = agent.readiness;
  const ready = okCount === total;
  return (
    <Link
      href={`/agents/${agent.id}#agent-readiness`}
      className={`flex whitespace-nowrap hover:underline ${inline ? 'gap-1' : 'flex-col'}`}
      aria-label={`Readiness ${okCount} of ${total}: ${ready ? 'ready' : `${total - okCount} areas to fix`}`}
    >
      <span className="font-semibold tabular-nums text-gray-900">
        {inline ? 'Readiness ' : ''}
        {okCount}/{total}
      </span>
      <span className={ready ? 'text-xs text-emerald-800' : 'text-xs text-amber-800'}>
        {ready ? 'Ready' : `${total - okCount} to fix`}
      </span>
    </Link>
  );
}

/** An archived agent's pause state no longer matters: it is read-only and its keys are revoked. */
function AgentState({ agent }: { agent: AgentListRow }) {
  return agent.archivedAt ? <Badge tone="gray">Archived</Badge> : <AgentStatusBadge status={agent.status} />;
}

export function AgentsTable({ agents, canCreate }: { agents: AgentListRow[]; canCreate: boolean }) {
  return (
    <DataTable
      columns={columns}
      data={agents}
      getRowId={(agent) => agent.id}
      caption="Agents"
      initialSorting={[{ id: 'name', desc: false }]}
      empty={
        <EmptyState
          title="No agents yet"
          description={
            canCreate
              ? 'Create the first one with "New agent"; then give it a key and grant it tools.'
              : 'Agents appear here once an admin creates them.'
          }
        />
      }
    />
  );
}
