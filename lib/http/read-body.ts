import { WardenError } from '../errors';

/** Past the limit, the rest of a body is read and dropped (nothing kept) up to this much, so the connection stays usable. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * A body over the limit. `drained`: the rest was read and dropped, so the connection can carry the next request;
 * otherwise the answer must close it (the unread bytes would be taken for the next request).
 */
export class BodyTooLargeError extends WardenError {
  constructor(
    readonly maxBytes: number,
    readonly drained: boolean,
  ) {
    super('payload_too_large', `The request body is over the limit of ${formatBytes(maxBytes)}.`, {
      limitBytes: maxBytes,
    });
  }
}

/**
 * The request body as text, kept only up to `maxBytes`: a declared Content-Length over the limit is refused before
 * a byte is kept, and an undeclared (chunked) body as soon as it passes the limit, so an agent cannot make the server
 * hold more than the limit in memory. The rest is drained, not stored: a client still sending would otherwise see
 * its connection reset instead of the 413. Invalid UTF-8 is refused rather than replaced: a replacement character
 * would store something the agent never sent.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  const reader = request.body?.getReader();
  if (declared !== null && Number(declared) > maxBytes)
    throw new BodyTooLargeError(maxBytes, await drain(reader, Number(declared) <= DRAIN_BYTES));
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away mid-body (a reset, a load generator stopping): its request, not a server fault.
      throw new WardenError('invalid_input', 'The request body ended early: the connection was closed.', {
        issues: [{ path: '(body)', message: 'incomplete' }],
      });
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes, await drain(reader, true));
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new WardenError('invalid_input', 'The request body is not valid UTF-8.', {
      issues: [{ path: '(body)', message: 'invalid UTF-8' }],
    });
  }
}

/** Reads and drops the rest of a body, up to DRAIN_BYTES; whether it reached the end. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, worthIt: boolean): Promise<boolean> {
  if (!reader) return true;
  let dropped = 0;
  try {
    while (worthIt && dropped <= DRAIN_BYTES) {
      const { done, value } = await reader.read();
      if (done) return true;
      dropped += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away: nothing left to answer
  }
  return false;
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB (${bytes} bytes)` : `${bytes} bytes`;
}
