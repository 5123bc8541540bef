import { watchPendingCount } from '@/lib/actions/watch-pending-count';
import { getUserActor } from '@/lib/session/get-user-actor';
import { can } from '@/lib/auth/actor';
import { eventStream } from '@/lib/http/event-stream';

export const dynamic = 'force-dynamic';

/**
 * The navigation's pending count, live: `event: changed` with `{"pending":N}` on connecting and after changes to any
 * action, in any app instance on this database. Session-authenticated like the pages.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return new Response('Sign in to follow the queue.', { status: 401 });
  if (!can(actor, 'actions.read')) return new Response('Your role cannot read the queue.', { status: 403 });
  return eventStream(request, (send) => watchPendingCount(actor, (pending) => send('changed', { pending })));
}
