import type { Metadata } from 'next';
import Link from 'next/link';
import { AgentModeBadge, AgentStatusBadge } from '@/components/agent-state-badges';
import { PageHeader } from '@/components/page-header';
import { UtcTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { getAgentDetail } from '@/lib/agents/get-agent-detail';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { AgentControls } from './agent-controls';
import { RecentActionsTable } from './agent-tables';
import { GrantsAndSimulator } from './grants-section';
import { KeysSection } from './keys-section';
import { RequesterKeySection } from './requester-key-section';

export const metadata: Metadata = { title: 'Agent' };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const agent = await orNotFound(getAgentDetail(actor, id));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agents" className="text-indigo-700 hover:underline">← Agents</Link>
      </p>
      <PageHeader
        title={agent.name}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <AgentStatusBadge status={agent.status} />
            <AgentModeBadge mode={agent.mode} />
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="agent-details">
          <CardHeader id="agent-details" title="Details" />
          <CardBody className="flex flex-col gap-5">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Fact term="Owner">{agent.owner.name} <span className="text-gray-600">({agent.owner.email})</span></Fact>
              <Fact term="Environment"><span className="capitalize">{agent.environment}</span></Fact>
              <Fact term="Status">
                {agent.status === 'paused' ? 'Paused' : 'Active'}
                {agent.pausedBecause ? (
                  <span className="block text-gray-600">
                    {agent.pausedBecause.reason ?? `by ${agent.pausedBecause.actorType}`}, <UtcTime iso={agent.pausedBecause.at} />
                  </span>
                ) : null}
              </Fact>
              <Fact term="Mode">{agent.mode === 'draft_only' ? 'Draft-only' : 'Live'}</Fact>
              <Fact term="Created"><UtcTime iso={agent.createdAt} /></Fact>
              <Fact term="Purpose" wide>{agent.purpose}</Fact>
            </dl>
            {agent.viewerCanControl ? <AgentControls agentId={agent.id} status={agent.status} mode={agent.mode} /> : null}
          </CardBody>
        </Card>
        <GrantsAndSimulator actor={actor} agentId={agent.id} canControl={agent.viewerCanControl} />
        <KeysSection agentId={agent.id} keys={agent.keys} canControl={agent.viewerCanControl} />
        {agent.viewerCanControl ? <RequesterKeySection actor={actor} agentId={agent.id} /> : null}
        <Card aria-labelledby="agent-actions">
          <CardHeader id="agent-actions" title="Recent actions" />
          <RecentActionsTable actions={agent.recentActions} />
        </Card>
      </div>
    </>
  );
}

function Fact({ term, wide, children }: { term: string; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-gray-600">{term}</dt>
      <dd className="mt-0.5 break-words text-gray-900">{children}</dd>
    </div>
  );
}
