/** A response as kept under an Idempotency-Key: what the first request answered, replayed to a retry. */
export type IdempotentReply = { status: number; body: unknown; replayed?: boolean };

/** Responses that say "try again" (409, 429, 5xx) are not kept, so a retry really retries. */
export function isKeptReply(reply: IdempotentReply): boolean {
  return !(reply.status === 409 || reply.status === 429 || reply.status >= 500);
}
