'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { refreshMcpServerMutation } from './mutations';

/** Lists the upstream's tools again; what changed waits below for review. */
export function RefreshButton({ serverId, name }: { serverId: string; name: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const refresh = () =>
    start(async () => {
      const outcome = await refreshMcpServerMutation({ serverId });
      if (!outcome.ok) return setMessage({ ok: false, text: outcome.error });
      const { status, lastError, found } = outcome.data;
      setMessage(
        status === 'ok'
          ? { ok: true, text: found === 0 ? 'No changes.' : `${found} change(s) to review.` }
          : { ok: false, text: `Unreachable: ${lastError ?? 'unknown error'}` },
      );
    });
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        onClick={refresh}
        disabled={pending}
        aria-busy={pending}
        aria-label={`Refresh ${name}`}
      >
        Refresh
      </Button>
      {message && !message.ok ? <ErrorAlert>{message.text}</ErrorAlert> : null}
      {message?.ok ? (
        <p role="status" className="text-sm text-gray-700">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
