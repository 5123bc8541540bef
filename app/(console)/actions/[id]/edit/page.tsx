import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getActionForEdit, type ActionForEdit } from '@/lib/actions/get-action-for-edit';
import { orNotFound } from '../../../errors';
import { requireUser } from '../../../require-user';
import { EditForm } from './edit-form';

export const metadata: Metadata = { title: 'Edit and approve' };

/**
 * "Edit and approve": a reviewer changes the parameters of a pending action and approves that version. The agent
 * then receives the edited parameters when it claims; the audit trail records the change.
 */
export default async function EditActionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  if (!can(actor, 'actions.decide')) {
    return (
      <AccessDenied title="Edit and approve">
        Your role cannot approve actions, so it cannot edit them either.{' '}
        <Link href={`/actions/${encodeURIComponent(id)}`} className="underline">
          Back to the action
        </Link>
      </AccessDenied>
    );
  }
  const edit = await orNotFound(getActionForEdit(actor, id));
  const { action } = edit;

  return (
    <>
      <PageHeader
        title="Edit and approve"
        description={
          <p>
            Change what <span className="font-medium text-gray-900">{edit.agent.name}</span> will run, then approve it.
            The agent receives your version when it claims the action.
          </p>
        }
        actions={
          <Link href={`/actions/${action.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Back to the action
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card aria-labelledby="edit-parameters" className="min-w-0">
          <CardHeader
            id="edit-parameters"
            title={`Parameters (version ${action.paramsVersion})`}
            description={
              action.edited
                ? 'Already edited by a reviewer; you are editing that version.'
                : 'As the agent proposed them.'
            }
          />
          <CardBody>
            {edit.editable && edit.schema ? (
              <EditForm
                actionId={action.id}
                version={action.paramsVersion}
                schema={edit.schema}
                params={edit.params}
                sensitive={edit.sensitiveFields}
                canEditSensitive={edit.canEditSensitive}
              />
            ) : (
              <EmptyState
                title={`This action is ${action.status.replace('_', ' ')}: it can no longer be edited.`}
                description={
                  <Link href={`/actions/${action.id}`} className="font-medium text-indigo-700 hover:underline">
                    Back to the action
                  </Link>
                }
              />
            )}
          </CardBody>
        </Card>
        <ProposedAction edit={edit} />
      </div>
    </>
  );
}

/** What the agent asked for, in short, so the reviewer edits with the request in view. The agent's words stay inert. */
function ProposedAction({ edit }: { edit: ActionForEdit }) {
  const { action } = edit;
  return (
    <Card aria-labelledby="proposed-action" className="min-w-0 self-start">
      <CardHeader id="proposed-action" title="Proposed action" />
      <CardBody>
        <dl className="flex flex-col gap-3 text-sm">
          <Fact term="Tool">
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono break-all text-gray-900">{action.tool}</code>
              <ActionLevelBadge level={edit.actionLevel} supportsRollback={edit.supportsRollback} />
            </span>
            {edit.toolDescription ? <span className="mt-1 block text-gray-600">{edit.toolDescription}</span> : null}
          </Fact>
          <Fact term="Status">
            <StatusBadge status={action.status} />
          </Fact>
          {edit.summary ? (
            <Fact term="In short">
              <InertText text={edit.summary} />
            </Fact>
          ) : null}
          <Fact term="Agent">{edit.agent.name}</Fact>
          <Fact term="Agent's reason (written by the agent)">
            {action.reason ? (
              <InertText text={action.reason} className="whitespace-pre-wrap" />
            ) : (
              <span className="text-gray-600 italic">No reason given.</span>
            )}
          </Fact>
          {action.requester ? (
            <Fact term="On behalf of">
              <InertText text={action.requester} />
              {action.requesterVerified ? ' (verified)' : ''}
            </Fact>
          ) : null}
          {action.approvalsRequired > 1 ? (
            <Fact term="Approvals">
              {action.approvalsRequired} reviewers must approve; an edit voids approvals given to earlier parameters.
            </Fact>
          ) : null}
          <Fact term="Proposed">
            <RelativeTime iso={action.createdAt} />
          </Fact>
        </dl>
      </CardBody>
    </Card>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-gray-600">{term}</dt>
      <dd className="mt-0.5 break-words text-gray-900">{children}</dd>
    </div>
  );
}
