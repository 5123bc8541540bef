'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { RelativeTime, UtcTime } from '@/components/relative-time';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { TableLink } from '@/components/ui/table';
import type { DeliveryListRow } from '@/lib/notifications/list-deliveries';

const column = createColumnHelper<DeliveryListRow>();

const STATUS: Record<DeliveryListRow['status'], { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'amber' },
  delivered: { label: 'Delivered', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
};

const EVENT_LABELS: Record<string, string> = {
  review_requested: 'Review requested',
  escalated: 'Escalated',
  test: 'Test',
};

const columns = [
  column.accessor('createdAt', {
    header: 'Queued',
    cell: (info) => (
      <span className="whitespace-nowrap">
        <RelativeTime iso={info.getValue()} />
      </span>
    ),
  }),
  column.accessor('channelName', {
    header: 'Channel',
    cell: (info) => <span className="block max-w-48 break-words">{info.getValue()}</span>,
  }),
  column.accessor('event', {
    header: 'Event',
    cell: (info) => <span className="whitespace-nowrap">{EVENT_LABELS[info.getValue()] ?? info.getValue()}</span>,
  }),
  column.accessor('actionId', {
    header: 'Action',
    enableSorting: false,
    cell: (info) => {
      const id = info.getValue();
      return id ? (
        <TableLink href={`/actions/${id}`} className="font-mono text-xs" title={id}>
          {id.slice(0, 8)}
        </TableLink>
      ) : (
        <span className="text-gray-500">—</span>
      );
    },
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <Badge tone={STATUS[info.getValue()].tone}>{STATUS[info.getValue()].label}</Badge>,
  }),
  column.accessor('attempts', {
    header: 'Attempts',
    cell: (info) => <span className="tabular-nums">{info.getValue()}</span>,
  }),
  column.display({
    id: 'last',
    header: 'Last result',
    cell: ({ row }) => {
      const { lastStatus, lastError, lastAttemptAt } = row.original;
      if (!lastAttemptAt) return <span className="text-gray-500">Not tried yet</span>;
      // The error text can quote the receiver's status line: shown inert.
      return (
        <span className="block max-w-64 text-xs break-words">
          {lastError ? <InertText text={lastError} /> : `HTTP ${lastStatus}`}
        </span>
      );
    },
  }),
  column.accessor('nextAttemptAt', {
    header: 'Next try (UTC)',
    cell: (info) => {
      const next = info.getValue();
      return next ? (
        <span className="text-xs whitespace-nowrap">
          <UtcTime iso={next} zone={false} />
        </span>
      ) : (
        <span className="text-gray-500">—</span>
      );
    },
  }),
];

export function DeliveriesTable({ deliveries, filtered }: { deliveries: DeliveryListRow[]; filtered: boolean }) {
  return (
    <DataTable
      columns={columns}
      data={deliveries}
      getRowId={(delivery) => delivery.id}
      caption="Delivery log"
      empty={
        <EmptyState
          title={filtered ? 'No deliveries match' : 'No deliveries yet'}
          description={
            filtered
              ? 'Clear the filters to see every delivery.'
              : 'Each notification sent to a channel, with its retries, appears here.'
          }
        />
      }
    />
  );
}
