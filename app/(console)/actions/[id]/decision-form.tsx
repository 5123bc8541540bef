'use client';

import Link from 'next/link';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { DECISION_FORM_ID, useDecision } from './decision-context';

/**
 * The reviewer's two choices; the comment is optional and lands in the audit trail. Approving anything above
 * read/draft opens the confirmation first (decision-context.tsx); the keyboard: review-shortcuts.tsx.
 */
export function DecisionForm({ actionId }: { actionId: string }) {
  const decision = useDecision();
  const { submitting } = decision;
  const disabled = submitting || !decision.canDecide;
  return (
    <form id={DECISION_FORM_ID} action={decision.formAction} className="flex flex-col gap-3">
      <input type="hidden" name="actionId" value={actionId} />
      <div>
        <Label htmlFor="decision-comment">Comment</Label>
        <Textarea
          id="decision-comment"
          data-review-shortcut="comment"
          name="comment"
          maxLength={2000}
          placeholder="Optional: why you approve or reject"
        />
      </div>
      <div className="flex flex-wrap gap-2">
        {decision.needsConfirmation ? (
          <Button
            variant="success"
            data-review-shortcut="approve"
            disabled={disabled}
            aria-haspopup="dialog"
            onClick={decision.requestApprove}
          >
            Approve…
          </Button>
        ) : (
          <Button
            type="submit"
            name="decision"
            value="approve"
            data-review-shortcut="approve"
            variant="success"
            disabled={disabled}
            aria-busy={submitting}
          >
            Approve
          </Button>
        )}
        <Button
          type="submit"
          name="decision"
          value="reject"
          data-review-shortcut="reject"
          variant="danger"
          disabled={disabled}
          aria-busy={submitting}
        >
          Reject
        </Button>
      </div>
      <OpenNextToggle />
    </form>
  );
}

function OpenNextToggle() {
  const { openNext, setOpenNext } = useDecision();
  return (
    <label className="flex items-center gap-2 text-sm text-gray-800">
      <input
        type="checkbox"
        checked={openNext}
        onChange={(event) => setOpenNext(event.target.checked)}
        className="size-4 rounded border-gray-300 accent-indigo-600"
      />
      After deciding, open the next action
    </label>
  );
}

/**
 * What became of this tab's decision: a refusal ("already decided by …"), a partial approval, or nothing left to open
 * next. Outside the form, so it stays when the form gives way to the outcome or to a decision made elsewhere.
 */
export function DecisionResult() {
  const { result, nothingNext } = useDecision();
  return (
    <>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok && result.message ? (
        <p role="status" className="text-sm text-gray-800">
          {result.message}
        </p>
      ) : null}
      {nothingNext ? (
        <p role="status" className="text-sm text-gray-800">
          Queue is empty: nothing else is waiting for you.{' '}
          <Link href="/queue" className="font-medium text-indigo-700 underline">
            Back to the queue
          </Link>
        </p>
      ) : null}
    </>
  );
}
