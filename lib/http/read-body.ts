import { WardenError } from '../errors';

/**
 * The request body as text, read only up to `maxBytes`: a declared Content-Length over the limit is refused before
 * a byte is read, and an undeclared (chunked) body is cut off as soon as it passes the limit, so an agent cannot make
 * the server hold more than the limit in memory. Invalid UTF-8 is refused rather than replaced: a replacement
 * character would store something the agent never sent.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new WardenError('invalid_input', 'The request body is not valid UTF-8.', { issues: [{ path: '(body)', message: 'invalid UTF-8' }] });
  }
}

function tooLarge(maxBytes: number): WardenError {
  return new WardenError('payload_too_large', `The request body is over the limit of ${formatBytes(maxBytes)}.`, { limitBytes: maxBytes });
}

function formatBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB (${bytes} bytes)` : `${bytes} bytes`;
}
