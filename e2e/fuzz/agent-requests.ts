// Raw requests to the agent API: bodies as exact bytes (invalid UTF-8 included), any path and query, any header.

export type RawReply = { status: number; text: string; json: unknown };

export async function sendRaw(
  baseURL: string,
  request: {
    method: 'GET' | 'POST';
    path: string;
    key: string | null;
    body?: string | Uint8Array;
    headers?: Record<string, string>;
  },
): Promise<RawReply> {
  const headers: Record<string, string> = {
    ...(request.key === null ? {} : { authorization: `Bearer ${request.key}` }),
    ...request.headers,
  };
  if (request.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(new URL(request.path, baseURL), {
    method: request.method,
    headers,
    body: request.body as BodyInit | undefined,
    redirect: 'manual',
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // kept as text: the assertion on the error body shows it
  }
  return { status: response.status, text, json };
}

/** Every refusal: a 4xx with the agent API's error body (`{ error: { code, message } }`). */
export function isClientErrorWithBody(reply: RawReply): boolean {
  const error = (reply.json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return (
    reply.status >= 400 && reply.status < 500 && typeof error?.code === 'string' && typeof error.message === 'string'
  );
}

export function describeReply(reply: RawReply): string {
  return `${reply.status} ${reply.text.slice(0, 300)}`;
}
