import { z } from 'zod';

/**
 * What an agent may say beside a `tools/call`, in the request's `_meta` (MCP's extension point; keys prefixed as the
 * spec asks): the same reason, requester assertion, trace and Idempotency-Key as `POST /api/v1/actions`, and how long
 * to hold the call for a review (at most WARDEN_MCP_REVIEW_WAIT_SECONDS). Unknown keys are ignored: MCP clients add
 * their own (progressToken, …). Client-safe: imports only zod.
 */
export const MCP_META = {
  reason: 'dev.warden/reason',
  requester: 'dev.warden/requester',
  requesterAssertion: 'dev.warden/requesterAssertion',
  traceId: 'dev.warden/traceId',
  idempotencyKey: 'dev.warden/idempotencyKey',
  wait: 'dev.warden/wait',
  action: 'dev.warden/action',
} as const;

export const mcpCallMetaSchema = z.object({
  [MCP_META.reason]: z.string().max(2000).optional(),
  [MCP_META.requester]: z.string().trim().min(1).max(200).optional(),
  [MCP_META.requesterAssertion]: z.string().trim().min(1).max(8000).optional(),
  [MCP_META.traceId]: z.string().trim().min(1).max(200).optional(),
  [MCP_META.idempotencyKey]: z.string().min(1).max(255).optional(),
  [MCP_META.wait]: z.number({ error: 'wait is a number of seconds' }).int().min(0).max(600).optional(),
});
export type McpCallMeta = z.infer<typeof mcpCallMetaSchema>;
