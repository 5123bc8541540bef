import { watchReviewQueue } from '@/lib/actions/watch-review-queue';
import { can } from '@/lib/auth/actor';
import { getUserActor } from '@/lib/session/get-user-actor';
import { eventStream } from '@/lib/http/event-stream';
import { parseQueueQuery } from '@/lib/review/queue-query';

export const dynamic = 'force-dynamic';

/**
 * The open queue's live deltas, for the filters and order in the query string: `ready` once watching (the client
 * then reads its rows: anything after that read is heard), then `delta`
 * ({ upserted: rows, removed: [{ id, status, decidedBy }] }) after changes and `facets` (the counts) at most once a
 * second, and `switches` when a switch was engaged or released (which rows a stop freezes may have changed). The
 * client holds its rows and applies these; nothing re-renders the page.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return new Response('Sign in to follow the queue.', { status: 401 });
  if (!can(actor, 'actions.read')) return new Response('Your role cannot read the queue.', { status: 403 });
  const query = parseQueueQuery(Object.fromEntries(new URL(request.url).searchParams));
  return eventStream(request, (send) => {
    const stop = watchReviewQueue(actor, query, {
      onDelta: (delta) => send('delta', delta),
      onFacets: (facets) => send('facets', facets),
      onSwitches: () => send('switches', {}),
      onReady: () => send('ready', {}),
    });
    return stop;
  });
}
