import type { Metadata } from 'next';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { InertText } from '@/components/inert-text';
import { PageHeader } from '@/components/page-header';
import { getActionForReview } from '@/lib/actions/get-action-for-review';
import { getAgentTrackRecord } from '@/lib/agents/get-agent-track-record';
import { getDraftLinks } from '@/lib/drafts/get-draft-links';
import { getActionMcpOrigin } from '@/lib/mcp/get-action-mcp-origin';
import { ACTION_LEVEL_LABELS } from '@/lib/policy/action-levels';
import { approvalNeedsConfirmation } from '@/lib/policy/approval-confirmation';
import { visibleText } from '@/lib/review/inspect-text';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { ActionFacts } from './action-facts';
import { AgentHistory } from './agent-history';
import { AgentReason } from './agent-reason';
import { AuditTrail } from './audit-trail';
import { CardStatus } from './card-status';
import { DecidedFlash } from './decided-flash';
import { DecisionProvider } from './decision-context';
import { DecisionPanel } from './decision-panel';
import { DraftPanel } from './draft-panel';
import { EmailPreviewCard } from './email-preview-card';
import { ParametersCard } from './parameters-card';
import { FrozenByStop } from './frozen-by-stop';
import { PausedAgentFallback } from './paused-agent-fallback';
import { IncidentFallbackNotice } from '@/components/incident-fallback-notice';
import { listAgentIncidentFallbacks } from '@/lib/incidents/list-agent-incident-fallbacks';
import { RiskPanel } from './risk-panel';
import { RollbackPanel } from './rollback-panel';
import { SourcesCard } from './sources-card';
import { StickyDecisionBar } from './sticky-decision-bar';
import { ValuesDiffCard } from './values-diff-card';

export const metadata: Metadata = { title: 'Action' };

/**
 * The review card. Reading order: what could be wrong (risk), what the agent claims (its reason, set apart), what
 * will happen (previews), what exactly runs (parameters), on what grounds (sources); beside it, the decision.
 */
export default async function ActionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ show?: string | string[] }>;
}) {
  const actor = await requireUser();
  const { id } = await params;
  // The one clipped agent value to render in full ("Show all"); every other long value stays clipped.
  const shown = (await searchParams).show;
  const show = typeof shown === 'string' ? shown : null;
  const review = await orNotFound(getActionForReview(actor, id));
  const { action, agent, actionLevel } = review;
  const [history, draftLinks, mcp, incidents] = await Promise.all([
    getAgentTrackRecord(actor, agent.id, { exclude: action.id }),
    getDraftLinks(actor, action.id),
    getActionMcpOrigin(actor, action.id),
    listAgentIncidentFallbacks(actor, agent.id),
  ]);
  const version = review.edited ? `the reviewer's edit, version ${review.edited.version}` : 'as submitted';
  const summary = {
    tool: visibleText(action.tool),
    agent: agent.name,
    level: actionLevel ? ACTION_LEVEL_LABELS[actionLevel] : null,
    risks: review.risks.map((risk) => risk.label),
    reason: action.reason,
    requester: action.requester,
    requesterVerified: action.requesterVerified,
  };

  return (
    <DecisionProvider
      action={{ id: action.id, createdAt: action.createdAt, pending: action.status === 'pending_review' }}
      viewer={{ id: actor.id, canDecide: review.viewerCanDecide && !review.viewerApproval }}
      summary={summary}
      needsConfirmation={approvalNeedsConfirmation(actionLevel)}
    >
      <DecidedFlash actionId={action.id} />
      <PageHeader
        // The tool name is as the agent asked for it (it may name no tool at all): hidden characters made visible.
        title={visibleText(action.tool)}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <CardStatus status={action.status} approvedWithEdits={review.approvedWithEdits} />
            <p>
              The agent <span className="font-medium text-gray-900">{agent.name}</span> wants to call{' '}
              <code className="font-mono text-gray-900">
                <InertText text={action.tool} />
              </code>{' '}
              <ActionLevelBadge level={actionLevel} supportsRollback={review.supportsRollback} />
            </p>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <IncidentFallbackNotice incidents={incidents} />
          <FrozenByStop actor={actor} actionId={action.id} />
          <PausedAgentFallback actor={actor} agentId={agent.id} incidents={incidents} />
          <RiskPanel risks={review.risks} />
          <AgentReason reason={action.reason} />
          {review.email ? <EmailPreviewCard email={review.email} version={version} /> : null}
          {review.diff ? <ValuesDiffCard diff={review.diff} version={version} /> : null}
          <ParametersCard
            params={action.params}
            summary={review.summary}
            masked={review.paramsMasked}
            maskedPaths={review.maskedPaths}
            edited={review.edited}
            show={show}
          />
          <SourcesCard sources={action.sources} isWrite={review.isWrite} show={show} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DraftPanel actionId={action.id} links={draftLinks} />
          <DecisionPanel review={review} />
          <RollbackPanel actor={actor} actionId={action.id} />
          <ActionFacts review={review} show={show} mcp={mcp} />
          <AgentHistory agent={agent} record={history} />
        </div>
      </div>
      <AuditTrail events={review.events} className="mt-6" />
      <StickyDecisionBar />
    </DecisionProvider>
  );
}
