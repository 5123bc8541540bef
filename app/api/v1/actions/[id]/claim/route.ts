import { claimAction } from '@/lib/actions/claim-action';
import { claimActionSchema } from '@/lib/actions/schemas';
import { claimBodyLimits } from '@/lib/http/agent-limits';
import { actionIdParam } from '@/lib/http/action-id-param';
import { agentRoute, readOptionalJson } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const POST = agentRoute<{ id: string }>(async ({ actor, request, params }) => {
  const input = claimActionSchema.parse((await readOptionalJson(request, claimBodyLimits())) ?? {});
  return { body: await claimAction(actor, actionIdParam(params.id), input) };
});
