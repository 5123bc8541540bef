import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { getActionForReview } from '@/lib/actions/get-action-for-review';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { ActionFacts } from './action-facts';
import { AgentReason } from './agent-reason';
import { AuditTrail } from './audit-trail';
import { DecisionPanel } from './decision-panel';
import { ParametersCard } from './parameters-card';
import { SourcesCard } from './sources-card';

export const metadata: Metadata = { title: 'Action' };

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const review = await orNotFound(getActionForReview(actor, id));
  const { action, agent, actionLevel } = review;

  return (
    <>
      <PageHeader
        title={action.tool}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <StatusBadge status={action.status} />
            <p>
              The agent <span className="font-medium text-gray-900">{agent.name}</span> wants to call{' '}
              <code className="font-mono text-gray-900">{action.tool}</code> ({actionLevel ?? 'unknown tool'})
            </p>
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <AgentReason reason={action.reason} />
          <ParametersCard params={action.params} summary={review.summary} masked={review.paramsMasked} />
          <SourcesCard sources={action.sources} isWrite={review.isWrite} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DecisionPanel review={review} />
          <ActionFacts review={review} />
        </div>
      </div>
      <AuditTrail events={review.events} className="mt-6" />
    </>
  );
}
