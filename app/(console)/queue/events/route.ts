import { watchReviewQueue } from '@/lib/actions/watch-review-queue';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { isWardenError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** A comment line now and then keeps proxies from closing an idle stream and lets the server notice a gone client. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for the console's live queue: `event: changed` with `{"pending":N}` on connecting and after every
 * change to any action, in any app instance on this database. Session-authenticated like the pages (a disabled user
 * is refused on the next connection); the browser's EventSource reconnects by itself after `retry` ms.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return new Response('Sign in to follow the queue.', { status: 401 });
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  const send = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop(); // the client went away
    }
  };

  let unwatch: () => void;
  try {
    unwatch = watchReviewQueue(actor, (snapshot) => send(`event: changed\ndata: ${JSON.stringify(snapshot)}\n\n`));
  } catch (error) {
    if (isWardenError(error)) return new Response(error.message, { status: error.status });
    throw error;
  }
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
  function stop() {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unwatch();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send('retry: 3000\n\n');
    },
    cancel: stop,
  });
  request.signal.addEventListener('abort', stop);

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
