'use client';

import { useActionState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { recordManualRollbackMutation, requestRollbackMutation } from './rollback-mutations';

/**
 * "Request rollback" proposes the compensating tool as a new action that goes to review like any other; "Record
 * manual rollback" notes that someone undid it by hand. Neither changes this action.
 */
export function RollbackForm({
  actionId,
  compensatingTool,
  manual,
}: {
  actionId: string;
  compensatingTool: string | null;
  manual: boolean;
}) {
  const [requested, request, requesting] = useActionState(requestRollbackMutation, null);
  const [recorded, record, recording] = useActionState(recordManualRollbackMutation, null);
  const busy = requesting || recording;
  return (
    <div className="flex flex-col gap-4">
      {compensatingTool ? (
        <form action={request} className="flex flex-col gap-2">
          <input type="hidden" name="actionId" value={actionId} />
          <p className="text-gray-700">
            Proposes <code className="font-mono">{compensatingTool}</code> for the same agent, with parameters taken
            from this action. A reviewer approves it; the agent runs it.
          </p>
          <Label htmlFor="rollback-note">Note for the reviewer (optional)</Label>
          <Textarea id="rollback-note" name="note" maxLength={1000} rows={2} />
          <Button type="submit" variant="secondary" disabled={busy} aria-busy={requesting}>
            Request rollback
          </Button>
          {requested && !requested.ok ? <ErrorAlert>{requested.error}</ErrorAlert> : null}
          {requested?.ok ? <p role="status">{requested.message}</p> : null}
        </form>
      ) : null}
      {manual ? (
        <form action={record} className="flex flex-col gap-2">
          <input type="hidden" name="actionId" value={actionId} />
          <Label htmlFor="manual-rollback-note">What was done to undo it</Label>
          <Textarea id="manual-rollback-note" name="note" required maxLength={2000} rows={2} />
          <Button type="submit" variant="secondary" disabled={busy} aria-busy={recording}>
            Record manual rollback
          </Button>
          {recorded && !recorded.ok ? <ErrorAlert>{recorded.error}</ErrorAlert> : null}
        </form>
      ) : null}
    </div>
  );
}
