'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { revokeGrantMutation } from './mutations';

/** Removes the agent's authority over the tool, behind a confirmation; then back to the agent. */
export function RevokeGrantButton({ agentId, grantId, tool }: { agentId: string; grantId: string; tool: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <ConfirmDialog
        triggerLabel="Revoke grant"
        title={`Revoke the grant of ${tool}?`}
        description="The agent's next call of this tool is blocked. Approved actions it has not claimed yet are blocked when it tries to run them."
        confirmLabel="Revoke grant"
        onConfirm={async () => {
          const result = await revokeGrantMutation({ agentId, grantId });
          if (!result.ok) return setError(result.error);
          router.push(`/agents/${agentId}`);
        }}
      />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
