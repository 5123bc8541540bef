'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { archiveAgentMutation } from './mutations';

type Props = {
  agentId: string;
  name: string;
  version: number;
  activeKeys: number;
  pendingReview: number;
  approved: number;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Admins retire an agent for good, after a confirmation that names everything it ends. */
export function ArchiveAgentControl({ agentId, name, version, activeKeys, pendingReview, approved }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-2">
      <ConfirmDialog
        triggerLabel="Archive agent"
        title={`Archive ${name}?`}
        description={
          <ul className="list-disc space-y-1 pl-5">
            <li>{plural(activeKeys, 'key is', 'keys are')} revoked at once: the agent can no longer call Warden.</li>
            <li>
              {plural(pendingReview, 'action waiting for review is', 'actions waiting for review are')} rejected and{' '}
              {plural(approved, 'approved action not yet started is', 'approved actions not yet started are')} blocked,
              with the reason &ldquo;agent archived&rdquo;.
            </li>
            <li>
              The agent becomes read-only. Its history stays; its name can never be used again. This cannot be undone.
            </li>
          </ul>
        }
        confirmLabel="Archive agent"
        onConfirm={async () => {
          const archived = await archiveAgentMutation({ agentId, expectedVersion: version });
          if (!archived.ok) return setError(archived.error);
          setError(null);
          router.refresh();
        }}
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
