'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { UtcTime } from '@/components/relative-time';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { HeldGrantChange } from '@/lib/grants/list-held-grant-changes';
import { approveGrantChangeMutation, rejectGrantChangeMutation } from './mutations';

type Props = { agentId: string; changes: HeldGrantChange[]; canDecide: boolean };

/**
 * An owner's loosening waiting for an admin: what it loosens, who asked and when. The grant keeps its current version
 * (and the gate its current rules) until an admin approves; admins approve or reject here.
 */
export function HeldChanges({ agentId, changes, canDecide }: Props) {
  if (changes.length === 0) return null;
  return (
    <section aria-label="Waiting for admin approval" className="flex flex-col gap-3">
      {changes.map((change) => (
        <HeldChange key={change.id} agentId={agentId} change={change} canDecide={canDecide} />
      ))}
    </section>
  );
}

function HeldChange({ agentId, change, canDecide }: { agentId: string; change: HeldGrantChange; canDecide: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const decide = (action: typeof approveGrantChangeMutation | typeof rejectGrantChangeMutation) =>
    startTransition(async () => {
      const result = await action({ agentId, changeRequestId: change.id });
      if (!result.ok) setError(result.error);
      router.refresh();
    });

  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">
        {change.stale
          ? 'A held change is stale: the grant changed after it was asked for'
          : 'A change to this grant is waiting for admin approval'}
      </p>
      <p className="mt-1">
        Asked by {change.requestedBy}, <UtcTime iso={change.requestedAt} />, against version {change.baseVersion}. Until
        an admin approves it, the grant&apos;s current rules apply. It loosens:
      </p>
      <ul className="mt-1 list-disc pl-5">
        {change.loosened.map((words) => (
          <li key={words}>{words}</li>
        ))}
      </ul>
      {canDecide ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="danger"
            disabled={pending}
            aria-busy={pending}
            onClick={() => decide(approveGrantChangeMutation)}
          >
            Approve change
          </Button>
          <Button size="sm" variant="secondary" disabled={pending} onClick={() => decide(rejectGrantChangeMutation)}>
            Reject change
          </Button>
        </div>
      ) : null}
      {error ? <ErrorAlert className="mt-2">{error}</ErrorAlert> : null}
    </div>
  );
}
