import { watchActionDecision } from '@/lib/actions/watch-action-decision';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { isWardenError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** A comment line now and then keeps proxies from closing an idle stream and lets the server notice a gone client. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events for one open review card: a single `event: decided` with `{"status","by","at"}` when the action
 * leaves pending review (another reviewer, its deadline, any app instance), then the stream ends. Session-
 * authenticated like the page; the browser's EventSource reconnects by itself after `retry` ms.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return new Response('Sign in to follow this action.', { status: 401 });
  const { id } = await params;
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let heartbeat: NodeJS.Timeout | undefined;
  const send = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop(); // the client went away
    }
  };
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      send('retry: 3000\n\n');
    },
    cancel: () => stop(),
  });

  let unwatch: () => void = () => {};
  try {
    unwatch = await watchActionDecision(actor, id, (decision) => {
      send(`event: decided\ndata: ${JSON.stringify(decision)}\n\n`);
      stop();
    });
  } catch (error) {
    if (isWardenError(error)) return new Response(error.message, { status: error.status });
    throw error;
  }
  if (open) heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
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
  request.signal.addEventListener('abort', stop);

  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
