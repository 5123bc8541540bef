'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { revokeKeyMutation } from './key-mutations';
import { RotateKeyDialog } from './rotate-key-dialog';

/** "Rotate" and "Revoke" for one live key. */
export function KeyRowActions({ agentId, keyId, prefix }: { agentId: string; keyId: string; prefix: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        <RotateKeyDialog agentId={agentId} keyId={keyId} prefix={prefix} />
        <ConfirmDialog
          triggerLabel="Revoke"
          title={`Revoke key ${prefix}…?`}
          description="The agent's very next call with this key is refused (401). This cannot be undone; create or rotate a key to give the agent access again."
          confirmLabel="Revoke key"
          onConfirm={async () => {
            const result = await revokeKeyMutation({ agentId, keyId });
            setError(result.ok ? null : result.error);
          }}
        />
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
