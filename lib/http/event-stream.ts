/** A comment line now and then keeps proxies from closing an idle stream and lets the server notice a gone client. */
const HEARTBEAT_MS = 15_000;

export type SendEvent = (event: string, data: unknown) => void;

/**
 * A server-sent-events response: `start` begins sending (`send(event, data)` writes one JSON event; `end()` closes
 * the stream) and returns how to stop; it stops when the client goes away or `end` is called. The browser's
 * EventSource reconnects by itself after `retry` ms.
 */
export function eventStream(request: Request, start: (send: SendEvent, end: () => void) => () => void): Response {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let open = true;
  let stopWork: (() => void) | undefined;
  const write = (text: string) => {
    if (!open) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      stop(); // the client went away
    }
  };
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  function stop() {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    stopWork?.();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      write('retry: 3000\n\n');
      const work = start(
        (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
        () => stop(),
      );
      if (open) stopWork = work;
      else work();
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
