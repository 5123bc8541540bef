'use client';

import { useActionState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { decideAction } from './actions';

/** The reviewer's two choices; the comment is optional and lands in the audit trail. Keyboard: review-shortcuts.tsx. */
export function DecisionForm({ actionId }: { actionId: string }) {
  const [state, formAction, pending] = useActionState(decideAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="actionId" value={actionId} />
      <div>
        <Label htmlFor="decision-comment">Comment</Label>
        <Textarea id="decision-comment" data-review-shortcut="comment" name="comment" maxLength={2000} placeholder="Optional: why you approve or reject" />
      </div>
      {state && !state.ok ? <ErrorAlert>{state.error}</ErrorAlert> : null}
      {state?.ok && state.message ? <p role="status" className="text-sm text-gray-800">{state.message}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="decision" value="approve" data-review-shortcut="approve" variant="success" disabled={pending} aria-busy={pending}>
          Approve
        </Button>
        <Button type="submit" name="decision" value="reject" data-review-shortcut="reject" variant="danger" disabled={pending} aria-busy={pending}>
          Reject
        </Button>
      </div>
    </form>
  );
}
