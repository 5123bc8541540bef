import { proposeAction } from '@/lib/actions/propose-action';
import { proposeActionSchema } from '@/lib/actions/schemas';
import { agentRoute, readJson } from '@/lib/http/agent-route';
import { withIdempotency } from '@/lib/http/idempotency';

export const dynamic = 'force-dynamic';

// A body refused before the gate runs (limits, shape) claims no Idempotency-Key: nothing started, nothing is kept.
export const POST = agentRoute(async ({ actor, request }) => {
  const body = await readJson(request);
  const input = proposeActionSchema.parse(body);
  return withIdempotency(actor.id, request.headers.get('idempotency-key'), body, async () => ({ status: 201, body: await proposeAction(actor, input) }));
});
