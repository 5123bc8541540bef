import { getAgentAction } from '@/lib/actions/get-agent-action';
import { getActionQuerySchema } from '@/lib/actions/schemas';
import { actionIdParam } from '@/lib/http/action-id-param';
import { agentRoute } from '@/lib/http/agent-route';
import { trackLongPoll } from '@/lib/metrics/track-long-poll';

export const dynamic = 'force-dynamic';

export const GET = agentRoute<{ id: string }>(async ({ actor, request, params }) => {
  const query = getActionQuerySchema.parse({ wait: new URL(request.url).searchParams.get('wait') ?? undefined });
  const actionId = actionIdParam(params.id);
  return {
    body: await trackLongPoll(Boolean(query.wait), () =>
      getAgentAction(actor, { actionId, waitSeconds: query.wait, signal: request.signal }),
    ),
  };
});
