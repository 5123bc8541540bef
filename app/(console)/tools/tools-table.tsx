'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { TableLink } from '@/components/ui/table';
import type { ToolListRow } from '@/lib/tools/list-tools';

const column = createColumnHelper<ToolListRow>();

const columns = [
  column.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <TableLink href={`/tools/${info.row.original.id}`} className="font-mono text-[13px] whitespace-nowrap">
        {info.getValue()}
      </TableLink>
    ),
  }),
  column.accessor('actionLevel', {
    header: 'Level',
    cell: (info) => <ActionLevelBadge level={info.getValue()} supportsRollback={info.row.original.supportsRollback} />,
  }),
  column.accessor('description', {
    header: 'Description',
    enableSorting: false,
    cell: (info) => <p className="line-clamp-2 max-w-80 min-w-48 text-gray-700">{info.getValue()}</p>,
  }),
  column.accessor('enabled', {
    header: 'State',
    cell: (info) => (info.getValue() ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>),
  }),
  column.accessor('grantCount', {
    header: 'Grants',
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.accessor('supportsRollback', {
    header: 'Rollback',
    cell: (info) => (info.getValue() ? 'Supported' : <span className="text-gray-500">No</span>),
  }),
];

export function ToolsTable({ tools }: { tools: ToolListRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={tools}
      getRowId={(tool) => tool.id}
      caption="Tools"
      initialSorting={[{ id: 'name', desc: false }]}
      empty={<EmptyState title="No tools yet" description="An admin defines the tools agents may ask to call." />}
    />
  );
}
