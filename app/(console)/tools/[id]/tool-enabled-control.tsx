'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { setToolEnabledMutation } from '../mutations';

/** "Disable tool" / "Enable tool", behind a confirmation that says it applies to every agent at once. */
export function ToolEnabledControl({ toolId, name, enabled }: { toolId: string; name: string; enabled: boolean }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const change = async (to: boolean) => {
    const outcome = await setToolEnabledMutation({ toolId, enabled: to });
    setResult(
      outcome.ok
        ? { ok: true, message: to ? 'Tool enabled.' : 'Tool disabled.' }
        : { ok: false, message: outcome.error },
    );
  };
  return (
    <div className="flex flex-col items-end gap-2">
      {enabled ? (
        <ConfirmDialog
          triggerLabel="Disable tool"
          title={`Disable ${name}?`}
          description={`Every agent's calls of ${name} are blocked at once, whatever its grant says, and approved calls not yet started are blocked when claimed. Grants are kept: enabling the tool restores them.`}
          confirmLabel="Disable tool"
          onConfirm={() => change(false)}
        />
      ) : (
        <ConfirmDialog
          triggerLabel="Enable tool"
          triggerVariant="primary"
          title={`Enable ${name}?`}
          description="Agents holding a grant for this tool can call it again, each within its grant's rules."
          confirmLabel="Enable tool"
          confirmVariant="primary"
          onConfirm={() => change(true)}
        />
      )}
      {result && !result.ok ? <ErrorAlert>{result.message}</ErrorAlert> : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-gray-700">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
