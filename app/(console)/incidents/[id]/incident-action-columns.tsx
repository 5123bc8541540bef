'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import { INCIDENT_MARK_LABELS } from '@/lib/incidents/timeline/schemas';
import type { IncidentActionRow } from '@/lib/incidents/get-incident-summary';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import { TableLink } from '@/components/ui/table';

/** The selection lives in the panel; cells read it here so the columns can stay module-level (see DataTable). */
export const SelectionContext = createContext<{ selected: ReadonlySet<string>; toggle: (id: string) => void }>({
  selected: new Set(),
  toggle: () => {},
});

function SelectCell({ row }: { row: IncidentActionRow }) {
  const { selected, toggle } = useContext(SelectionContext);
  return (
    <input
      type="checkbox"
      className="size-4 rounded border-gray-300 accent-indigo-600"
      aria-label={`Select ${row.tool} ${row.id.slice(-8)}`}
      checked={selected.has(row.id)}
      onChange={() => toggle(row.id)}
    />
  );
}

const ROLLBACK_WORDS: Record<IncidentActionRow['rollback']['state'], string> = {
  rolled_back: 'Rolled back',
  rolled_back_manually: 'Rolled back by hand',
  in_progress: 'Rollback in progress',
  failed: 'Compensation failed',
  none: '',
};

export function RollbackCell({ row }: { row: IncidentActionRow }) {
  const { kind, compensatingTool, state, requestable } = row.rollback;
  if (state !== 'none')
    return (
      <Badge tone={state === 'failed' ? 'red' : state === 'in_progress' ? 'amber' : 'green'}>
        {ROLLBACK_WORDS[state]}
      </Badge>
    );
  if (!row.executed) return <span className="text-gray-500">Not executed</span>;
  if (kind === 'compensating')
    return (
      <span>
        {requestable ? 'Available' : 'Not available'}: {compensatingTool}
      </span>
    );
  if (kind === 'manual') return <span>By hand (see the action)</span>;
  return <span className="text-gray-500">None declared</span>;
}

export const INCIDENT_ACTION_COLUMNS: ColumnDef<IncidentActionRow>[] = [
  {
    id: 'select',
    header: () => <span className="sr-only">Select</span>,
    cell: ({ row }) => <SelectCell row={row.original} />,
    enableSorting: false,
  },
  {
    id: 'action',
    header: 'Action',
    accessorFn: (row) => row.summary ?? row.tool,
    cell: ({ row }) => (
      <div className="min-w-48">
        <TableLink href={`/actions/${row.original.id}`}>{row.original.summary ?? row.original.tool}</TableLink>
        <p className="text-xs text-gray-600">
          {row.original.summary ? `${row.original.tool} · ` : null}
          <span className="font-mono">{row.original.id.slice(-12)}</span>
          {row.original.rollbackOf ? (
            <>
              {' '}
              · compensates <span className="font-mono">{row.original.rollbackOf.slice(-12)}</span>
            </>
          ) : null}
        </p>
      </div>
    ),
  },
  {
    id: 'agent',
    header: 'Agent',
    accessorKey: 'agentName',
    cell: ({ row }) => <span className="break-all">{row.original.agentName}</span>,
  },
  {
    id: 'status',
    header: 'Status',
    accessorKey: 'status',
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  {
    id: 'rollback',
    header: 'Rollback',
    accessorFn: (row) => row.rollback.state,
    cell: ({ row }) => <RollbackCell row={row.original} />,
  },
  {
    id: 'mark',
    header: 'Mark',
    accessorFn: (row) => row.mark?.mark ?? '',
    cell: ({ row }) => {
      const mark = row.original.mark;
      if (!mark) return <span className="text-gray-500">—</span>;
      return (
        <div className="min-w-32">
          <Badge tone={mark.mark === 'needs_follow_up' ? 'amber' : mark.mark === 'verified_fine' ? 'green' : 'violet'}>
            {INCIDENT_MARK_LABELS[mark.mark]}
          </Badge>
          {mark.note ? <p className="mt-1 text-xs break-words text-gray-700">{mark.note}</p> : null}
          <p className="text-xs text-gray-500">by {mark.by}</p>
        </div>
      );
    },
  },
];
