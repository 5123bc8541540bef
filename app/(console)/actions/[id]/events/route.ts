import { watchActionDecision, type ActionDecision } from '@/lib/actions/watch-action-decision';
import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { eventStream } from '@/lib/http/event-stream';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events for one open review card: a single `event: decided` with `{"status","by","at"}` when the action
 * leaves pending review (another reviewer, its deadline, any app instance), then the stream ends. Session-
 * authenticated like the page; an action the viewer may not read is refused before anything streams.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return new Response('Sign in to follow this action.', { status: 401 });
  const { id } = await params;
  // The decision may come before the stream exists: kept until it does.
  let deliver: (decision: ActionDecision) => void = (decision) => (early = decision);
  let early: ActionDecision | null = null;
  let unwatch: () => void;
  try {
    unwatch = await watchActionDecision(actor, id, (decision) => deliver(decision));
  } catch (error) {
    if (isWardenError(error)) return new Response(error.message, { status: error.status });
    throw error;
  }
  return eventStream(request, (send, end) => {
    deliver = (decision) => {
      send('decided', decision);
      end();
    };
    if (early) deliver(early);
    return unwatch;
  });
}
