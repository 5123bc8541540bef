import { Check, Circle } from 'lucide-react';
import { UtcTime } from '@/components/relative-time';
import type { ActionForReview } from '@/lib/actions/get-action-for-review';

/** For actions that need several reviewers or required groups: "1 of 2 approvals", which groups are covered, and by whom. */
export function QuorumProgress({ review }: { review: ActionForReview }) {
  const { quorum, approvals } = review;
  const percent = Math.min(100, Math.round((quorum.approvals / quorum.required) * 100));
  return (
    <div className="text-sm" data-testid="quorum">
      <div className="flex items-baseline justify-between gap-2">
        <p className="font-medium text-gray-900">
          {quorum.approvals} of {quorum.required} approvals
        </p>
        {quorum.groups.length > 0 ? <p className="text-xs text-gray-600">one from each group</p> : null}
      </div>
      <div
        role="progressbar"
        aria-label="Approvals"
        aria-valuemin={0}
        aria-valuemax={quorum.required}
        aria-valuenow={quorum.approvals}
        className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-gray-200"
      >
        <div className="h-full rounded-full bg-emerald-500" style={{ width: `${percent}%` }} />
      </div>
      {quorum.groups.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1" aria-label="Required groups">
          {quorum.groups.map((group, index) => (
            <li key={index} className="flex items-center gap-2" data-group-approved={group.approved}>
              {group.approved ? (
                <Check aria-hidden className="size-4 shrink-0 text-emerald-600" />
              ) : (
                <Circle aria-hidden className="size-3.5 shrink-0 text-gray-400" />
              )}
              <span className="font-medium text-gray-900">{group.name}</span>
              <span className="text-gray-600">{group.approved ? 'approved' : 'waiting'}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {approvals.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1.5 border-t border-gray-100 pt-2 text-gray-700">
          {approvals.map((approval, index) => (
            <li key={index} className="break-words">
              {approval.reviewer?.name ?? 'a deleted user'}
              {approval.group ? <span className="text-gray-600"> for {approval.group}</span> : null} ·{' '}
              <UtcTime iso={approval.at} />
              {approval.comment ? <span className="block text-gray-600">“{approval.comment}”</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
