import { CircleCheck, CircleX, Hourglass, PencilLine, Users } from 'lucide-react';
import Link from 'next/link';
import { UtcTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { ActionForReview } from '@/lib/actions/get-action-for-review';
import { DecisionForm, DecisionResult } from './decision-form';
import { EscalateDialog } from './escalate-dialog';
import { LiveDecisionBanner, UntilDecidedElsewhere } from './live-decision-banner';
import { QuorumProgress } from './quorum-progress';
import { ReviewShortcuts } from './review-shortcuts';

/** Who decided, or the form to decide; who is asked and how far the quorum is; and the gate's reasons either way. */
export function DecisionPanel({ review }: { review: ActionForReview }) {
  const { action } = review;
  const pending = action.status === 'pending_review';
  const showQuorum = review.quorum.required > 1 || review.quorum.groups.length > 0;
  return (
    <Card aria-labelledby="decision">
      <CardHeader id="decision" title="Decision" />
      <CardBody className="flex flex-col gap-4">
        {pending ? <AssignedGroup name={review.assignedGroup?.name ?? null} /> : null}
        {showQuorum ? <QuorumProgress review={review} /> : null}
        <LiveDecisionBanner />
        <DecisionResult />
        {review.review ? (
          <ReviewOutcome outcome={review.review} edited={review.approvedWithEdits} />
        ) : pending ? (
          review.viewerApproval ? (
            <UntilDecidedElsewhere>
              <ViewerApproved {...review.viewerApproval} />
            </UntilDecidedElsewhere>
          ) : review.viewerCanDecide ? (
            <UntilDecidedElsewhere>
              <DecisionForm actionId={action.id} />
            </UntilDecidedElsewhere>
          ) : (
            <UntilDecidedElsewhere>
              <p className="text-sm text-gray-700">
                Waiting for a reviewer. Your role cannot approve or reject actions.
              </p>
            </UntilDecidedElsewhere>
          )
        ) : action.status === 'expired' ? (
          <p className="text-sm text-gray-700">No reviewer decided in time: the action expired, and will not run.</p>
        ) : (
          <p className="text-sm text-gray-700">No person reviewed this action: the gate decided it on its own.</p>
        )}
        {review.viewerCanDecide ? (
          <UntilDecidedElsewhere>
            <div className="flex flex-wrap items-center gap-2 border-t border-gray-100 pt-4">
              <Button asChild variant="secondary" size="sm">
                <Link href={`/actions/${action.id}/edit`}>
                  <PencilLine aria-hidden className="size-4" />
                  Edit and approve
                </Link>
              </Button>
              {/* Without another reviewer group there is no one to escalate to. */}
              {review.escalationGroups.length > 0 ? (
                <EscalateDialog
                  actionId={action.id}
                  groups={review.escalationGroups}
                  assignedGroup={review.assignedGroup?.name ?? null}
                />
              ) : null}
            </div>
          </UntilDecidedElsewhere>
        ) : null}
        <div>
          <h3 className="text-sm font-semibold text-gray-900">Gate&apos;s reasons</h3>
          {review.gateReasons.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-sm text-gray-700">
              {review.gateReasons.map((reason, index) => (
                <li key={index} className="break-words">
                  {reason}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-gray-600">None recorded.</p>
          )}
        </div>
        <ReviewShortcuts />
      </CardBody>
    </Card>
  );
}

function AssignedGroup({ name }: { name: string | null }) {
  return (
    <p className="flex items-center gap-2 text-sm text-gray-700" data-testid="assigned-group">
      <Users aria-hidden className="size-4 shrink-0 text-gray-500" />
      <span>
        Asked: <span className="font-medium text-gray-900">{name ?? 'every reviewer'}</span>
      </span>
    </p>
  );
}

/** In place of Approve/Reject for a reviewer whose approval is in: a quorum waits for others, not for them again. */
function ViewerApproved({ remaining, missingGroups }: { remaining: number; missingGroups: string[] }) {
  return (
    <p
      role="status"
      data-testid="viewer-approved"
      className="flex items-start gap-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-950"
    >
      <Hourglass aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700" />
      <span>
        <span className="font-semibold">You approved this</span> · waiting for {remaining} more{' '}
        {remaining === 1 ? 'approval' : 'approvals'}
        {missingGroups.length > 0 ? ` (${missingGroups.join(', ')})` : null}
      </span>
    </p>
  );
}

function ReviewOutcome({ outcome, edited }: { outcome: NonNullable<ActionForReview['review']>; edited: boolean }) {
  const approved = outcome.decision === 'approved';
  const Icon = approved ? CircleCheck : CircleX;
  return (
    <div className={approved ? 'rounded-md bg-emerald-50 p-3' : 'rounded-md bg-red-50 p-3'}>
      <p className={`flex items-center gap-2 text-sm font-semibold ${approved ? 'text-emerald-900' : 'text-red-900'}`}>
        <Icon aria-hidden className="size-4 shrink-0" />
        {approved ? (edited ? 'Approved with edits' : 'Approved') : 'Rejected'} by{' '}
        {outcome.by?.name ?? 'a deleted user'}
      </p>
      <p className="mt-1 text-xs text-gray-700">
        {outcome.by ? `${outcome.by.email} · ` : null}
        <UtcTime iso={outcome.at} />
      </p>
      {outcome.comment ? (
        <p className="mt-2 text-sm break-words whitespace-pre-wrap text-gray-900">
          <span className="font-medium">Comment: </span>
          {outcome.comment}
        </p>
      ) : (
        <p className="mt-2 text-sm text-gray-600">No comment.</p>
      )}
    </div>
  );
}
