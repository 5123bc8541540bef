'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { auditEventLabel } from '@/lib/audit/audit-event-format';
import { AuditPayloadSummary } from '@/components/audit-payload-summary';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { TableLink } from '@/components/ui/table';
import type { AuditLogRow } from '@/lib/audit/list-audit-events';
import { LocalTime } from '@/components/viewer-zone';

const column = createColumnHelper<AuditLogRow>();

const columns = [
  column.accessor('at', {
    header: 'Time',
    cell: (info) => (
      <span className="whitespace-nowrap tabular-nums">
        <LocalTime iso={info.getValue()} />
      </span>
    ),
  }),
  column.accessor('actorName', {
    header: 'Actor',
    cell: (info) => <span className="block min-w-28">{info.getValue()}</span>,
  }),
  // The event and what it carried share a cell, so the log stays readable without scrolling sideways.
  column.accessor((event) => auditEventLabel(event.type), {
    id: 'type',
    header: 'Event',
    cell: (info) => (
      <div className="max-w-md min-w-56">
        <p className="font-medium text-gray-900" title={info.row.original.type}>
          {info.getValue()}
        </p>
        <AuditPayloadSummary event={info.row.original} />
      </div>
    ),
  }),
  column.accessor('actionId', {
    header: 'Action',
    enableSorting: false,
    cell: (info) => {
      const id = info.getValue();
      if (!id) return null;
      const action = info.row.original.action;
      return (
        <div className="max-w-xs min-w-48">
          {/* The tool's summary (masked as the queue masks it) names the action; the tool alone when it has none. */}
          <TableLink href={`/actions/${id}`} className="break-words">
            <InertText text={action?.summary ?? action?.tool ?? 'Action'} />
          </TableLink>
          <ActionId id={id} />
        </div>
      );
    },
  }),
  column.accessor('agentName', {
    header: 'Agent',
    cell: (info) =>
      info.row.original.agentId ? (
        <TableLink href={`/agents/${info.row.original.agentId}`} className="whitespace-nowrap">
          {info.getValue() ?? 'deleted agent'}
        </TableLink>
      ) : null,
  }),
  column.accessor('seq', {
    header: 'Seq',
    cell: (info) => <span className="font-mono text-xs text-gray-600 tabular-nums">{info.getValue()}</span>,
  }),
];

/**
 * The end of the id, which tells actions apart (a UUIDv7 starts with its timestamp, so neighbours share the start),
 * the whole id on hover and a button to copy it.
 */
function ActionId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="mt-0.5 flex items-center gap-2 text-xs text-gray-600">
      <span className="font-mono" title={id}>
        …{id.slice(-8)}
      </span>
      <button
        type="button"
        className="rounded px-1 font-medium text-indigo-700 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={`Copy id ${id}`}
        onClick={() =>
          void navigator.clipboard.writeText(id).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy id'}
      </button>
    </span>
  );
}

export function AuditTable({ events }: { events: AuditLogRow[] }) {
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
