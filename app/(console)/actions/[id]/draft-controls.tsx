'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { discardDraftMutation, promoteDraftMutation } from './draft-mutations';

/**
 * Promote (queue for review: the gate decides again, and a reviewer still has to approve) or discard (behind a
 * confirmation: it cannot be undone). A refusal, such as the gate's reasons under a stop, stays on screen.
 */
export function DraftControls({ draftId }: { draftId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const promote = () =>
    startTransition(async () => {
      const result = await promoteDraftMutation({ draftId });
      if (!result.ok) return setError(result.error);
      setError(null);
      router.push(`/actions/${result.data.promotedActionId}`);
    });

  return (
    <div className="flex flex-col gap-3">
      <p>
        Held as a draft: it did not run. Promoting it puts a copy with the same parameters in the review queue, decided
        by the gate&apos;s rules as they are now; a reviewer must still approve it.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={promote} disabled={pending}>
          {pending ? 'Promoting…' : 'Promote to review'}
        </Button>
        <ConfirmDialog
          triggerLabel="Discard draft"
          triggerVariant="secondary"
          title="Discard this draft?"
          description="It will never run and cannot be promoted afterwards. The draft stays in the record, marked discarded."
          confirmLabel="Discard draft"
          onConfirm={async () => {
            const result = await discardDraftMutation({ draftId });
            if (!result.ok) return setError(result.error);
            setError(null);
            router.refresh();
          }}
        />
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
