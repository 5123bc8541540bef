import { reportActionResult } from '@/lib/actions/report-action-result';
import { reportResultSchema } from '@/lib/actions/schemas';
import { actionIdParam } from '@/lib/http/action-id-param';
import { agentRoute, readJson } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const POST = agentRoute<{ id: string }>(async ({ actor, request, params }) => {
  const input = reportResultSchema.parse(await readJson(request));
  return { body: await reportActionResult(actor, actionIdParam(params.id), input) };
});
