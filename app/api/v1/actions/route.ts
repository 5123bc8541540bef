import { proposeAction } from '@/lib/actions/propose-action';
import { proposeActionSchema } from '@/lib/actions/schemas';
import { agentRoute, readJson } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const POST = agentRoute(async ({ actor, request }) => {
  const input = proposeActionSchema.parse(await readJson(request));
  return { status: 201, body: await proposeAction(actor, input) };
});
