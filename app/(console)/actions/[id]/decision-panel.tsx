import { CircleCheck, CircleX } from 'lucide-react';
import { UtcTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { ActionForReview } from '@/lib/actions/get-action-for-review';
import { DecisionForm } from './decision-form';
import { ReviewShortcuts } from './review-shortcuts';

/** Who decided, or the form to decide, and the gate's reasons either way. */
export function DecisionPanel({ review }: { review: ActionForReview }) {
  const { action } = review;
  return (
    <Card aria-labelledby="decision">
      <CardHeader id="decision" title="Decision" />
      <CardBody className="flex flex-col gap-4">
        {action.approvalsRequired > 1 ? <ApprovalProgress review={review} /> : null}
        {review.review ? (
          <ReviewOutcome outcome={review.review} />
        ) : action.status === 'pending_review' ? (
          review.viewerCanDecide ? (
            <DecisionForm actionId={action.id} />
          ) : (
            <p className="text-sm text-gray-700">Waiting for a reviewer. Your role cannot approve or reject actions.</p>
          )
        ) : (
          <p className="text-sm text-gray-700">No person reviewed this action: the gate decided it on its own.</p>
        )}
        <div>
          <h3 className="text-sm font-semibold text-gray-900">Gate&apos;s reasons</h3>
          {review.gateReasons.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-sm text-gray-700">
              {review.gateReasons.map((reason, index) => (
                <li key={index} className="break-words">{reason}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-gray-600">None recorded.</p>
          )}
        </div>
        <ReviewShortcuts canDecide={review.viewerCanDecide} />
      </CardBody>
    </Card>
  );
}

function ReviewOutcome({ outcome }: { outcome: NonNullable<ActionForReview['review']> }) {
  const approved = outcome.decision === 'approved';
  const Icon = approved ? CircleCheck : CircleX;
  return (
    <div className={approved ? 'rounded-md bg-emerald-50 p-3' : 'rounded-md bg-red-50 p-3'}>
      <p className={`flex items-center gap-2 text-sm font-semibold ${approved ? 'text-emerald-900' : 'text-red-900'}`}>
        <Icon aria-hidden className="size-4 shrink-0" />
        {approved ? 'Approved' : 'Rejected'} by {outcome.by?.name ?? 'a deleted user'}
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

/** For grants that need several reviewers: who has approved so far, out of how many. */
function ApprovalProgress({ review }: { review: ActionForReview }) {
  return (
    <div className="text-sm">
      <p className="font-medium text-gray-900">
        Needs {review.action.approvalsRequired} reviewers · {review.approvals.length} approved
      </p>
      {review.approvals.length > 0 ? (
        <ul className="mt-1 flex flex-col gap-1 text-gray-700">
          {review.approvals.map((approval, index) => (
            <li key={index} className="break-words">
              Approved by {approval.reviewer?.name ?? 'a deleted user'} · <UtcTime iso={approval.at} />
              {approval.comment ? <span className="block text-gray-600">Comment: {approval.comment}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
