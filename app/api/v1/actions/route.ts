import { listAgentActions } from '@/lib/actions/list-agent-actions';
import { proposeAction } from '@/lib/actions/propose-action';
import { listAgentActionsSchema, proposeActionSchema } from '@/lib/actions/schemas';
import { agentRoute, readJson } from '@/lib/http/agent-route';
import { withIdempotency } from '@/lib/http/idempotency';

export const dynamic = 'force-dynamic';

// A body refused before the gate runs (limits, shape) claims no Idempotency-Key: nothing started, nothing is kept.
export const POST = agentRoute(async ({ actor, request }) => {
  const body = await readJson(request);
  const input = proposeActionSchema.parse(body);
  return withIdempotency(actor.id, request.headers.get('idempotency-key'), body, async () => ({ status: 201, body: await proposeAction(actor, input) }));
});

// ?status= one of the statuses (required), ?after= the previous page's nextCursor, ?limit= 1–100.
export const GET = agentRoute(async ({ actor, request }) => {
  const query = new URL(request.url).searchParams;
  const input = listAgentActionsSchema.parse({
    status: query.get('status') ?? undefined, after: query.get('after') ?? undefined, limit: query.get('limit') ?? undefined,
  });
  return { body: await listAgentActions(actor, input) };
});
