import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { listPendingActions } from '@/lib/actions/list-pending-actions';
import { requireUser } from '../require-user';
import { QueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Review queue' };

type SearchParams = Promise<{ agent?: string | string[]; tool?: string | string[] }>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const params = await searchParams;
  const filter = { agent: single(params.agent), tool: single(params.tool) };
  const { actions, agents, tools } = await listPendingActions(actor, filter);
  const filtered = Boolean(filter.agent || filter.tool);

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Actions your agents proposed that wait for a person to approve or reject them, newest first."
      />
      <Card>
        <QueueFilters agents={agents} tools={tools} selected={filter} />
        <QueueTable actions={actions} filtered={filtered} />
      </Card>
    </>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}
