'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { RelativeTime } from '@/components/relative-time';
import { TableLink } from '@/components/ui/table';
import type { PendingActionRow } from '@/lib/actions/list-pending-actions';
import { ACTION_LEVELS } from '@/lib/policy/action-levels';
import { QueueKeyboard } from './queue-keyboard';

const column = createColumnHelper<PendingActionRow>();

const columns = [
  column.accessor('tool', {
    header: 'Tool',
    cell: (info) => <TableLink href={`/actions/${info.row.original.id}`} className="font-mono text-[13px]">{info.getValue()}</TableLink>,
  }),
  column.accessor('agent', { header: 'Agent', cell: (info) => <span className="whitespace-nowrap">{info.getValue()}</span> }),
  column.accessor('actionLevel', {
    header: 'Action level',
    // By impact (read … external), not alphabetically.
    sortingFn: (a, b) => ACTION_LEVELS.indexOf(a.original.actionLevel!) - ACTION_LEVELS.indexOf(b.original.actionLevel!),
    cell: (info) => <ActionLevelBadge level={info.getValue()} />,
  }),
  column.accessor('requester', {
    header: 'Requester',
    // The agent's claim: invisible characters shown, so "ceo@corp" cannot hide a right-to-left override.
    cell: (info) => {
      const requester = info.getValue();
      return requester ? <InertText text={requester} /> : <span className="text-gray-500">—</span>;
    },
  }),
  column.accessor('createdAt', {
    header: 'Age',
    cell: (info) => <RelativeTime iso={info.getValue()} />,
  }),
];

export function QueueTable({ actions, filtered }: { actions: PendingActionRow[]; filtered: boolean }) {
  const [selected, setSelected] = useState<string | null>(null);
  const table = (
    <DataTable
      columns={columns}
      data={actions}
      getRowId={(row) => row.id}
      rowProps={(row) => ({
        'data-row-id': row.id,
        'aria-selected': row.id === selected,
        // The bar sits on the first cell: box-shadow on a <tr> is not drawn by every browser.
        className: row.id === selected ? 'bg-indigo-50 hover:bg-indigo-50 [&>td:first-child]:shadow-[inset_3px_0_0_var(--color-indigo-600)]' : undefined,
      })}
      caption="Actions pending review"
      initialSorting={[{ id: 'createdAt', desc: true }]}
      empty={
        <EmptyState
          title="Nothing waiting for review"
          description={filtered ? 'No pending actions match these filters.' : 'New proposals that need a person will appear here.'}
        />
      }
    />
  );
  if (actions.length === 0) return table;
  return (
    <QueueKeyboard selected={selected} onSelect={setSelected}>
      {table}
    </QueueKeyboard>
  );
}
