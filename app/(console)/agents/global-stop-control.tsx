'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { stopAllAgentsMutation } from './mutations';

/**
 * The admin's big red button, behind a confirmation that asks why (the reason is shown to every agent refused).
 * Releasing is deliberate (a reason and the password again): it happens on the Controls page.
 */
export function GlobalStopControl({ engaged }: { engaged: boolean }) {
  const [result, setResult] = useState<MutationResult<string> | null>(null);
  const [reason, setReason] = useState('');
  if (engaged) {
    return (
      <Button asChild variant="secondary">
        <Link href="/controls">Release on Controls</Link>
      </Button>
    );
  }
  return (
    <div className="flex flex-col items-end gap-2">
      <ConfirmDialog
        triggerLabel="Stop all agents"
        title="Stop all agents?"
        description={
          <div className="flex flex-col gap-3">
            <p>
              Every agent&apos;s new proposals, every claim of an approved action and every approval will be blocked at
              once, until an admin releases the stop. Drafts are untouched; reviewers can keep reading and rejecting.
            </p>
            <div className="flex flex-col gap-1">
              <Label htmlFor="global-stop-reason">Reason (shown to every agent refused)</Label>
              <Input
                id="global-stop-reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
          </div>
        }
        confirmLabel="Stop all agents"
        onConfirm={async () => setResult(await stopAllAgentsMutation({ reason }))}
      />
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
    </div>
  );
}
