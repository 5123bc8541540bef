'use client';

import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import type { ChannelListRow } from '@/lib/notifications/list-channels';
import type { OversightKind } from '@/lib/notifications/oversight-events';
import { ChannelControls } from './channel-controls';

const OVERSIGHT_SHORT: Record<OversightKind, string> = {
  switches: 'switches',
  agent_pauses: 'pauses',
  expiries: 'expiries',
  channel_failures: 'failing channels',
  incidents: 'incidents',
};

const column = createColumnHelper<ChannelListRow>();

function columnsFor(canManage: boolean) {
  return [
    column.accessor('name', {
      header: 'Name',
      cell: (info) => <span className="block max-w-56 font-medium break-words text-gray-900">{info.getValue()}</span>,
    }),
    column.accessor('kind', { header: 'Kind', cell: (info) => (info.getValue() === 'slack' ? 'Slack' : 'Webhook') }),
    column.accessor('url', {
      header: 'Destination',
      enableSorting: false,
      cell: (info) => (
        <span title={info.getValue()} className="block max-w-44 truncate font-mono text-xs text-gray-700">
          {info.getValue()}
        </span>
      ),
    }),
    column.accessor((row) => row.groupName ?? '', {
      id: 'group',
      header: 'Group',
      cell: (info) => info.getValue() || <span className="text-gray-500">Every group</span>,
    }),
    column.accessor((row) => row.oversight.length, {
      id: 'oversight',
      header: 'Oversight',
      cell: ({ row }) =>
        row.original.oversight.length ? (
          <span className="block max-w-48 text-xs text-gray-700">
            {row.original.oversight.map((kind) => OVERSIGHT_SHORT[kind]).join(', ')}
          </span>
        ) : (
          <span className="text-gray-500">None</span>
        ),
    }),
    column.accessor('enabled', {
      header: 'State',
      cell: (info) => (info.getValue() ? <Badge tone="green">Enabled</Badge> : <Badge tone="gray">Disabled</Badge>),
    }),
    column.accessor((row) => row.pending + row.failed, {
      id: 'backlog',
      header: 'Pending / failed',
      cell: ({ row }) => (
        <span className="whitespace-nowrap tabular-nums">
          {row.original.pending} /{' '}
          <span className={row.original.failed > 0 ? 'font-semibold text-red-700' : undefined}>
            {row.original.failed}
          </span>
        </span>
      ),
    }),
    ...(canManage
      ? [
          column.display({
            id: 'controls',
            header: () => <span className="sr-only">Controls</span>,
            cell: ({ row }) => (
              <ChannelControls
                channelId={row.original.id}
                name={row.original.name}
                enabled={row.original.enabled}
                oversight={row.original.oversight}
              />
            ),
          }),
        ]
      : []),
  ];
}

// Built once: cells rendered from new column objects on every render would remount, losing a row's status message.
const MANAGER_COLUMNS = columnsFor(true);
const READER_COLUMNS = columnsFor(false);

export function ChannelsTable({ channels, canManage }: { channels: ChannelListRow[]; canManage: boolean }) {
  return (
    <DataTable
      columns={canManage ? MANAGER_COLUMNS : READER_COLUMNS}
      data={channels}
      getRowId={(channel) => channel.id}
      caption="Notification channels"
      initialSorting={[{ id: 'name', desc: false }]}
      empty={
        <EmptyState
          title="No channels yet"
          description={
            canManage
              ? 'Add a webhook or Slack channel below to tell reviewers when an action waits for them.'
              : 'An admin adds the webhooks and Slack channels that tell reviewers when an action waits for them.'
          }
        />
      }
    />
  );
}
