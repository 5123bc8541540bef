import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { listAgents } from '@/lib/agents/list-agents';
import { getGlobalStop } from '@/lib/kill-switches/get-global-stop';
import { requireUser } from '../require-user';
import { AgentsTable } from './agents-table';
import { GlobalStopControl } from './global-stop-control';

export const metadata: Metadata = { title: 'Agents' };

export default async function AgentsPage() {
  const actor = await requireUser();
  const [agents, globalStop] = await Promise.all([listAgents(actor), getGlobalStop(actor)]);

  return (
    <>
      <PageHeader
        title="Agents"
        description="Every agent, who answers for it, and what it may do."
        actions={can(actor, 'switches.manage') ? <GlobalStopControl engaged={globalStop.engaged} /> : null}
      />
      <Card>
        <AgentsTable agents={agents} />
      </Card>
    </>
  );
}
