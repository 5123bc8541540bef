import { claimAction } from '@/lib/actions/claim-action';
import { agentRoute } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const POST = agentRoute<{ id: string }>(async ({ actor, params }) => ({ body: await claimAction(actor, params.id) }));
