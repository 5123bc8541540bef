import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/page-header';
import { countPendingFacets } from '@/lib/actions/count-pending-facets';
import { listPendingActions } from '@/lib/actions/list-pending-actions';
import { parseQueueQuery, queueSearchParams } from '@/lib/review/queue-query';
import { requireUser } from '../require-user';
import { LiveQueueProvider, LiveStatus, QueueCountLine } from './live-queue';
import { QueueFilters } from './queue-filters';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Review queue' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  // A deep link names the filters and the order; a page always starts at the top.
  const { filter, sort } = parseQueueQuery(await searchParams);
  const query = { filter, sort };
  const [page, facets] = await Promise.all([listPendingActions(actor, query), countPendingFacets(actor, filter)]);
  const filtered = Object.values(filter).some(Boolean);

  return (
    <LiveQueueProvider
      key={queueSearchParams(query).toString()}
      query={query}
      rows={page.rows}
      nextCursor={page.nextCursor}
      facets={facets}
      canDecide={page.canDecide}
      renderedAt={Date.now()}
    >
      <PageHeader
        title="Review queue"
        description={
          <>
            Actions your agents proposed that wait for a person to approve or reject them.{' '}
            <QueueCountLine filtered={filtered} />
          </>
        }
        actions={<LiveStatus />}
      />
      <Card>
        <QueueFilters />
        <QueueTable filtered={filtered} />
      </Card>
    </LiveQueueProvider>
  );
}
