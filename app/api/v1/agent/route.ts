import { getAgentAuthority } from '@/lib/agents/get-agent-authority';
import { agentRoute } from '@/lib/http/agent-route';

export const dynamic = 'force-dynamic';

export const GET = agentRoute(async ({ actor }) => ({ body: await getAgentAuthority(actor) }));
