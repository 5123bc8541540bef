import { getAgentAction } from '@/lib/actions/get-agent-action';
import { getActionQuerySchema } from '@/lib/actions/schemas';
import { actionIdParam } from '@/lib/http/action-id-param';
import { agentRoute } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const GET = agentRoute<{ id: string }>(async ({ actor, request, params }) => {
  const query = getActionQuerySchema.parse({ wait: new URL(request.url).searchParams.get('wait') ?? undefined });
  return {
    body: await getAgentAction(actor, {
      actionId: actionIdParam(params.id),
      waitSeconds: query.wait,
      signal: request.signal,
    }),
  };
});
