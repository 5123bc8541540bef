import { agentRoute } from '@/lib/http/agent-route';
import { listRollbackActions } from '@/lib/rollback/list-rollback-actions';

export const dynamic = 'force-dynamic';

/** The agent's rollback actions; `?status=approved` lists those to claim and run now. */
export const GET = agentRoute(async ({ actor, request }) => {
  const status = new URL(request.url).searchParams.get('status') ?? undefined;
  return { body: await listRollbackActions(actor, { status }) };
});
