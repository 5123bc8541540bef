import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { listPendingActions } from '@/lib/actions/list-pending-actions';
import { queueFilterSchema } from '@/lib/review/schemas';
import { requireUser } from '../require-user';
import { LiveQueue } from './live-queue';
import { QueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Review queue' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const filter = queueFilterSchema.parse(await searchParams);
  const queue = await listPendingActions(actor, filter);
  const filtered = Object.values(filter).some(Boolean);
  const deadlines = queue.actions.map((action) => action.expiresAt).filter((at): at is string => at !== null).sort();

  return (
    <>
      <PageHeader
        title="Review queue"
        description={
          <>
            Actions your agents proposed that wait for a person to approve or reject them, newest first.{' '}
            <span className="whitespace-nowrap font-medium text-gray-800">
              {filtered ? `${queue.actions.length} of ${queue.total} pending` : `${queue.total} pending`}
              {queue.canDecide ? ` · ${queue.counts.waitingForMe} waiting for you` : null}
            </span>
          </>
        }
        actions={<LiveQueue nextExpiry={deadlines[0] ?? null} />}
      />
      <Card>
        <QueueFilters agents={queue.agents} tools={queue.tools} selected={filter} counts={queue.counts} canDecide={queue.canDecide} />
        <QueueTable actions={queue.actions} traces={queue.traces} filtered={filtered} canDecide={queue.canDecide} />
      </Card>
    </>
  );
}
