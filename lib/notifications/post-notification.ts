import { signWardenPayload, SIGNATURE_HEADER } from './signature';

export type PostOutcome = { ok: boolean; status: number | null; error: string | null };

/**
 * One HTTP attempt: POST the stored body. Webhooks are signed afresh each attempt (a new timestamp, so a retry an
 * hour later still passes the receiver's five-minute window); Slack verifies nothing, so it gets no signature.
 * Redirects are not followed (a receiver that moved must be re-pointed by an admin). 2xx is success; anything else,
 * a timeout or a network error is a failed attempt. Error texts never contain the URL (a Slack URL is a credential)
 * nor the secret.
 */
export async function postNotification(input: {
  kind: string;
  url: string;
  secret: string;
  body: string;
  event: string;
  deliveryId: string;
  timeoutMs: number;
}): Promise<PostOutcome> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Warden-Notifications/1',
    'warden-event': input.event,
    'warden-delivery': input.deliveryId,
  };
  if (input.kind === 'webhook') headers[SIGNATURE_HEADER.toLowerCase()] = signWardenPayload(input.secret, input.body);
  try {
    const response = await fetch(input.url, {
      method: 'POST',
      headers,
      body: input.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined); // the receiver's answer is not needed; free the socket
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, error: null };
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    return { ok: false, status: response.status, error: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${redirect}`.slice(0, 200) };
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error, input.timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `network error: ${cause.code}`;
  return 'network error';
}
