import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Warden's webhook signature, Stripe-style: `Warden-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `"<t>.<raw body>"` with the channel's secret. Signing the timestamp with the body is what makes a captured request
 * useless later: a receiver refuses any signature whose `t` is more than five minutes from its own clock, and cannot
 * be fooled into accepting an old `t` because changing it breaks the HMAC. Receivers that also want exactly-once
 * keep the `Warden-Delivery` id of what they processed (retries of one delivery carry the same id).
 *
 * No Warden imports: a receiver (and the test suite's) can copy or import this file as it is.
 */
export const SIGNATURE_HEADER = 'Warden-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function signatureOf(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The header value for `rawBody` sent at `now` (seconds are whole: the receiver compares to its clock). */
export function signWardenPayload(secret: string, rawBody: string, now: Date = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, rawBody)}`;
}

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

/**
 * Checks a `Warden-Signature` header against the raw body exactly as received (parse the JSON only after this).
 * Several `v1=` entries are accepted (any may match), so a sender could sign with an old and a new secret while
 * rotating.
 */
export function verifyWardenSignature(input: {
  secret: string;
  rawBody: string;
  header: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!input.header) return { ok: false, reason: 'missing' };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of input.header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return { ok: false, reason: 'malformed' };

  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: 'expired' };

  const expected = Buffer.from(signatureOf(input.secret, timestamp, input.rawBody), 'hex');
  const matches = signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}
