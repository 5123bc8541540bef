import { EgressRefusedError, postToAllowedAddress } from '../egress/post-to-allowed-address';
import { signWardenPayload, SIGNATURE_HEADER } from './signature';
import { logger } from '../logging/logger';

export type PostOutcome = { ok: boolean; status: number | null; error: string | null };

/**
 * One HTTP attempt: POST the stored body. Webhooks are signed afresh each attempt (a new timestamp, so a retry an
 * hour later still passes the receiver's five-minute window); Slack verifies nothing, so it gets no signature.
 * Only to an allowed address (lib/egress). Redirects are not followed (a receiver that moved must be re-pointed by an
 * admin). 2xx is success; anything else, a timeout or a network error is a failed attempt. The stored error, which
 * reviewers read, is the status code alone ("HTTP 500"), "network error" or "destination not allowed": no status text,
 * no error code, no body, never the URL (a Slack URL is a credential) nor the secret. Details go to the server log.
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
    const status = await postToAllowedAddress(input.url, { headers, body: input.body, timeoutMs: input.timeoutMs });
    if (status >= 200 && status < 300) return { ok: true, status, error: null };
    const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    return { ok: false, status, error: `HTTP ${status}${redirect}` };
  } catch (error) {
    logger().warn({ deliveryId: input.deliveryId }, `notification delivery failed: ${describeForServerLog(error)}`);
    return {
      ok: false,
      status: null,
      error: error instanceof EgressRefusedError ? 'destination not allowed' : 'network error',
    };
  }
}

/** The whole story, for the server's log only: the reviewers' delivery log must not become a port scanner's oracle. */
function describeForServerLog(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code ?? (error.cause as { code?: string } | undefined)?.code;
  return `${error.name}${code ? ` ${code}` : ''}: ${error.message}`;
}
