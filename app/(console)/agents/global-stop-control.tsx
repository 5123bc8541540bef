'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import type { FormResult } from '../errors';
import { releaseAllAgents, stopAllAgents } from './actions';

/** The admin's big red button, behind a confirmation; once engaged, the way back. */
export function GlobalStopControl({ engaged }: { engaged: boolean }) {
  const [result, setResult] = useState<FormResult>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      {engaged ? (
        <ConfirmDialog
          triggerLabel="Release"
          triggerVariant="secondary"
          title="Release all agents?"
          description="Agents may propose and run actions again, each within its own grants, pause and mode. Actions blocked during the stop stay blocked."
          confirmLabel="Release all agents"
          confirmVariant="primary"
          onConfirm={async () => setResult(await releaseAllAgents())}
        />
      ) : (
        <ConfirmDialog
          triggerLabel="Stop all agents"
          title="Stop all agents?"
          description="Every agent's new proposals and every claim of an approved action will be blocked at once, until an admin releases the stop. Reviewers can keep working."
          confirmLabel="Stop all agents"
          onConfirm={async () => setResult(await stopAllAgents())}
        />
      )}
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
    </div>
  );
}
