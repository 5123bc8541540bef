import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyText } from './read-body';

function streamedRequest(chunks: string[], failAfter?: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter)
        return controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      if (sent === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[sent++]));
    },
  });
  return new Request('http://localhost/api/v1/actions', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

describe('readBodyText', () => {
  it('reads a streamed body whole', async () => {
    expect(await readBodyText(streamedRequest(['{"a":', '1}']), 100)).toBe('{"a":1}');
  });

  it('refuses a streamed body once it passes the limit', async () => {
    await expect(readBodyText(streamedRequest(['x'.repeat(60), 'y'.repeat(60)]), 100)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
  });

  it('a client that goes away mid-body is its own 4xx, not a server error', async () => {
    await expect(readBodyText(streamedRequest(['{"a":'], 1), 100)).rejects.toMatchObject({
      code: 'invalid_input',
      status: 422,
    });
  });

  it('refuses invalid UTF-8', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    await expect(readBodyText(request, 100)).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The request body is not valid UTF-8.',
    });
  });
});
