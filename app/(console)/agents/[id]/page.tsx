import type { Metadata } from 'next';
import Link from 'next/link';
import { AgentModeBadge, AgentStatusBadge } from '@/components/agent-state-badges';
import { PageHeader } from '@/components/page-header';
import { UtcTime } from '@/components/relative-time';
import { ErrorAlert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { getAgentDetail } from '@/lib/agents/get-agent-detail';
import { getAgentReadiness } from '@/lib/agents/get-agent-readiness';
import { listAgentOwners } from '@/lib/agents/list-agent-owners';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { AgentControls } from './agent-controls';
import { AgentDetailsForm } from './agent-details-form';
import { ArchiveAgentControl } from './archive-agent-control';
import { RecentActionsTable } from './agent-tables';
import { GrantsAndSimulator } from './grants-section';
import { KeysSection } from './keys-section';
import { ReadinessCard } from './readiness-card';
import { IncidentFallbackNotice } from '@/components/incident-fallback-notice';
import { listAgentIncidentFallbacks } from '@/lib/incidents/list-agent-incident-fallbacks';
import { RequesterKeySection } from './requester-key-section';
import { RestoreGrantsSection } from './restore-grants-section';

export const metadata: Metadata = { title: 'Agent' };

export default async function AgentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const agent = await orNotFound(getAgentDetail(actor, id));
  const [owners, readiness, incidents] = await Promise.all([
    agent.viewerCanManage ? listAgentOwners(actor) : null,
    getAgentReadiness(actor, agent.id),
    listAgentIncidentFallbacks(actor, agent.id),
  ]);
  const activeKeys = agent.keys.filter(
    (key) => !key.revokedAt && (!key.expiresAt || new Date(key.expiresAt).getTime() > Date.now()),
  ).length;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agents" className="text-indigo-700 hover:underline">
          ← Agents
        </Link>
      </p>
      <PageHeader
        title={agent.name}
        description={
          <div className="flex flex-wrap items-center gap-2">
            {agent.archivedAt ? <Badge tone="gray">Archived</Badge> : <AgentStatusBadge status={agent.status} />}
            <AgentModeBadge mode={agent.mode} />
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <IncidentFallbackNotice incidents={incidents} />
        {agent.archivedAt ? (
          <p role="note" className="rounded-md border border-gray-300 bg-gray-50 px-4 py-3 text-sm text-gray-800">
            Archived <UtcTime iso={agent.archivedAt} />. This agent is read-only: its keys are revoked and its name
            cannot be used again.
          </p>
        ) : null}
        {agent.status === 'paused' && agent.pausedBecause?.byGate ? (
          <ErrorAlert>
            The gate paused this agent: {agent.pausedBecause.reason ?? 'no reason recorded'} (
            <UtcTime iso={agent.pausedBecause.at} />
            ). It stays paused until someone who controls it resumes it; look at its recent actions first.
          </ErrorAlert>
        ) : null}
        <Card aria-labelledby="agent-details">
          <CardHeader id="agent-details" title="Details" />
          <CardBody className="flex flex-col gap-5">
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <Fact term="Owner">
                {agent.owner.name} <span className="text-gray-600">({agent.owner.email})</span>
              </Fact>
              <Fact term="Environment">
                <span className="capitalize">{agent.environment}</span>
              </Fact>
              <Fact term="Status">
                {agent.status === 'paused' ? 'Paused' : 'Active'}
                {agent.pausedBecause ? (
                  <span className="block text-gray-600">
                    Paused by {agent.pausedBecause.by}
                    {agent.pausedBecause.reason ? `: ${agent.pausedBecause.reason}` : ''},{' '}
                    <UtcTime iso={agent.pausedBecause.at} />
                  </span>
                ) : null}
              </Fact>
              <Fact term="Mode">
                {agent.mode === 'draft_only' ? 'Draft-only' : 'Live'}{' '}
                <Link
                  href={`/drafts?agent=${encodeURIComponent(agent.name)}`}
                  className="text-indigo-700 hover:underline"
                >{`Drafts of ${agent.name}`}</Link>
              </Fact>
              <Fact term="Created">
                <UtcTime iso={agent.createdAt} />
              </Fact>
              <Fact term="Shutoff contact">
                {agent.shutoffContact || <span className="text-gray-500">None recorded</span>}
              </Fact>
              <Fact term="Purpose" wide>
                {agent.purpose || <span className="text-gray-500">None recorded</span>}
              </Fact>
              <Fact term="Monitoring note" wide>
                {agent.monitoringNote ? (
                  <span className="whitespace-pre-line">{agent.monitoringNote}</span>
                ) : (
                  <span className="text-gray-500">None recorded</span>
                )}
              </Fact>
              <Fact term="Manual fallback" wide>
                {agent.manualFallback ? (
                  <span className="whitespace-pre-line">{agent.manualFallback}</span>
                ) : (
                  <span className="text-gray-500">
                    None written: reviewers have no instructions for when it is stopped
                  </span>
                )}
              </Fact>
            </dl>
            {agent.viewerCanControl ? (
              <AgentControls agentId={agent.id} status={agent.status} mode={agent.mode} />
            ) : null}
          </CardBody>
        </Card>
        {agent.archivedAt ? null : <ReadinessCard readiness={readiness} canFix={agent.viewerCanControl} />}
        {agent.viewerCanControl ? (
          <Card aria-labelledby="agent-edit">
            <CardHeader
              id="agent-edit"
              title="Edit agent"
              description={
                owners
                  ? 'Changing the owner transfers the agent: the new owner controls it, the previous one no longer does.'
                  : 'As its owner you can change the purpose, monitoring note, shutoff contact and manual fallback; an admin changes the rest.'
              }
            />
            <CardBody>
              <AgentDetailsForm
                agentId={agent.id}
                version={agent.version}
                owners={owners}
                initial={{
                  purpose: agent.purpose,
                  monitoringNote: agent.monitoringNote,
                  shutoffContact: agent.shutoffContact,
                  manualFallback: agent.manualFallback,
                  ownerId: agent.owner.id,
                  environment: agent.environment,
                  mode: agent.mode,
                }}
              />
            </CardBody>
          </Card>
        ) : null}
        <GrantsAndSimulator actor={actor} agentId={agent.id} canControl={agent.viewerCanControl} />
        <RestoreGrantsSection actor={actor} agentId={agent.id} />
        <KeysSection agentId={agent.id} keys={agent.keys} canControl={agent.viewerCanControl} />
        {agent.viewerCanControl ? <RequesterKeySection actor={actor} agentId={agent.id} /> : null}
        <Card aria-labelledby="agent-actions">
          <CardHeader id="agent-actions" title="Recent actions" />
          <RecentActionsTable actions={agent.recentActions} />
        </Card>
        {agent.viewerCanManage ? (
          <Card aria-labelledby="agent-archive">
            <CardHeader
              id="agent-archive"
              title="Archive"
              description="For an agent that is retired: it ends its keys and its waiting actions, and keeps its history."
            />
            <CardBody>
              <ArchiveAgentControl
                agentId={agent.id}
                name={agent.name}
                version={agent.version}
                activeKeys={activeKeys}
                pendingReview={agent.waiting.pendingReview}
                approved={agent.waiting.approved}
              />
            </CardBody>
          </Card>
        ) : null}
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
