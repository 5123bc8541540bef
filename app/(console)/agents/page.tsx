import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { listAgentReadiness } from '@/lib/agents/list-agent-readiness';
import { listAgents } from '@/lib/agents/list-agents';
import { getGlobalStop } from '@/lib/kill-switches/get-global-stop';
import { requireUser } from '../require-user';
import { AgentsTable } from './agents-table';
import { GlobalStopControl } from './global-stop-control';

export const metadata: Metadata = { title: 'Agents' };

export default async function AgentsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const actor = await requireUser();
  const includeArchived = (await searchParams).archived === 'show';
  const [agents, globalStop] = await Promise.all([listAgents(actor, { includeArchived }), getGlobalStop(actor)]);
  const admin = can(actor, 'agents.manage');
  // One batch for the whole list: the scores never cost a query per agent.
  const scores = await listAgentReadiness(
    actor,
    agents.filter((agent) => !agent.archivedAt).map((agent) => agent.id),
  );
  const rows = agents.map((agent) => ({ ...agent, readiness: scores[agent.id] ?? null }));

  return (
    <>
      <PageHeader
        title="Agents"
        description="Every agent, who answers for it, and what it may do."
        actions={
          <>
            {admin ? (
              <Button asChild>
                <Link href="/agents/new">
                  <Plus aria-hidden className="size-4" />
                  New agent
                </Link>
              </Button>
            ) : null}
            {can(actor, 'switches.manage') ? <GlobalStopControl engaged={globalStop.engaged} /> : null}
          </>
        }
      />
      <p className="mb-3 text-sm">
        {includeArchived ? (
          <Link href="/agents" className="text-indigo-700 hover:underline">
            Hide archived agents
          </Link>
        ) : (
          <Link href="/agents?archived=show" className="text-indigo-700 hover:underline">
            Show archived agents
          </Link>
        )}
      </p>
      <Card>
        <AgentsTable agents={rows} canCreate={admin} />
      </Card>
    </>
  );
}
