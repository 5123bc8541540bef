'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { auditEventLabel, summarizePayload } from '@/components/audit-event-format';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { UtcTime } from '@/components/relative-time';
import { TableLink } from '@/components/ui/table';
import type { AuditEventView } from '@/lib/audit/audit-event-view';

const column = createColumnHelper<AuditEventView>();

const columns = [
  column.accessor('seq', { header: 'Seq', cell: (info) => <span className="font-mono text-xs text-gray-600 tabular-nums">{info.getValue()}</span> }),
  column.accessor('at', { header: 'Time (UTC)', cell: (info) => <span className="whitespace-nowrap tabular-nums"><UtcTime iso={info.getValue()} zone={false} /></span> }),
  column.accessor('actorName', { header: 'Actor', cell: (info) => <span className="block min-w-28">{info.getValue()}</span> }),
  // The event and what it carried share a cell, so the log stays readable without scrolling sideways.
  column.accessor((event) => auditEventLabel(event.type), {
    id: 'type',
    header: 'Event',
    cell: (info) => {
      const summary = summarizePayload(info.row.original.payload);
      return (
        <div className="max-w-md min-w-56">
          <p className="font-medium text-gray-900" title={info.row.original.type}>{info.getValue()}</p>
          {/* The payload can carry agent-written text (tool name, requester): shown inert, hidden characters visible. */}
          {summary ? <p className="mt-0.5 text-xs break-words text-gray-600"><InertText text={summary} /></p> : null}
        </div>
      );
    },
  }),
  column.accessor('agentName', {
    header: 'Agent',
    cell: (info) =>
      info.row.original.agentId ? (
        <TableLink href={`/agents/${info.row.original.agentId}`} className="whitespace-nowrap">{info.getValue() ?? 'deleted agent'}</TableLink>
      ) : null,
  }),
  column.accessor('actionId', {
    header: 'Action',
    enableSorting: false,
    cell: (info) => {
      const id = info.getValue();
      return id ? <TableLink href={`/actions/${id}`} title={id} className="font-mono text-xs">{id.slice(0, 8)}</TableLink> : null;
    },
  }),
];

export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    <DataTable
      columns={columns}
      data={events}
      getRowId={(event) => String(event.seq)}
      caption="Audit events"
      initialSorting={[{ id: 'seq', desc: true }]}
      empty={<EmptyState title="No events" description="No audit events match these filters." />}
    />
  );
}
