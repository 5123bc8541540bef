'use client';

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState, type ComponentProps } from 'react';
import { cn } from '../ui/cn';
import { Table, Td, Th } from '../ui/table';
import { SortableHeader } from './sortable-header';

type DataTableProps<Row> = {
  columns: ColumnDef<Row, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- TanStack's own column type
  data: Row[];
  initialSorting?: SortingState;
  /** Shown instead of the table when there are no rows. */
  empty: React.ReactNode;
  caption?: string;
  getRowId?: (row: Row) => string;
  /** Extra attributes for a row's <tr>, e.g. a selection (aria-selected, data-row-id, a highlight class). */
  rowProps?: (row: Row) => ComponentProps<'tr'>;
};

/**
 * A table with client-side sorting: each sortable column's header is a real button (aria-sort on the <th>).
 * Filtering and paging happen on the server; this only orders what it was given.
 * `columns` must keep their identity between renders (define them at module level): TanStack renders each cell
 * function as a component, so new functions remount every cell, losing focus, hover and clicks in flight.
 */
export function DataTable<Row>({
  columns,
  data,
  initialSorting = [],
  empty,
  caption,
  getRowId,
  rowProps,
}: DataTableProps<Row>) {
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId,
  });

  if (data.length === 0) return <>{empty}</>;
  return (
    <Table>
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <Th
                  key={header.id}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                >
                  {header.isPlaceholder ? null : header.column.getCanSort() ? (
                    <SortableHeader direction={sorted} onClick={header.column.getToggleSortingHandler()}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </SortableHeader>
                  ) : (
                    flexRender(header.column.columnDef.header, header.getContext())
                  )}
                </Th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => {
          const extra = rowProps?.(row.original);
          return (
            <tr key={row.id} {...extra} className={cn('hover:bg-gray-50', extra?.className)}>
              {row.getVisibleCells().map((cell) => (
                <Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
