import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { IncidentActionsPanel } from './incident-actions-panel';
import { IncidentCounts } from '@/components/incidents/incident-counts';
import { ErrorAlert } from '@/components/ui/alert';
import { can } from '@/lib/auth/actor';
import { getIncidentSummary } from '@/lib/incidents/get-incident-summary';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Incident overview' };

/** The workbench's Overview: counts, what executed with its rollback, and marks for a selection. */
export default async function IncidentOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incident">Incidents are worked by admins.</AccessDenied>;
  }
  const { id } = await params;
  const summary = await orNotFound(getIncidentSummary(actor, id));
  const failed = summary.actions.filter((action) => action.rollback.state === 'failed');

  return (
    <div className="flex flex-col gap-6">
      <h2 className="sr-only">Overview</h2>
      {failed.length > 0 ? (
        <ErrorAlert>
          {failed.length === 1 ? 'A compensation failed' : `${failed.length} compensations failed`}:{' '}
          {failed.map((action) => `${action.tool} ${action.id.slice(-8)}`).join(', ')}. Retry the rollback or undo by
          hand and record it on the action.
        </ErrorAlert>
      ) : null}
      <IncidentCounts summary={summary} />
      <IncidentActionsPanel
        incidentId={summary.incident.id}
        closed={summary.incident.status === 'closed'}
        canRollBack={can(actor, 'actions.rollback')}
        actions={summary.actions}
        truncated={summary.truncated}
      />
    </div>
  );
}
