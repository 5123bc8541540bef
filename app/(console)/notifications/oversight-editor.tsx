'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { OversightKind } from '@/lib/notifications/oversight-events';
import { setChannelOversightMutation } from './mutations';
import { OversightFieldset } from './oversight-fieldset';

/** A channel row's "Oversight events" disclosure: which oversight events it receives, saved at once. */
export function OversightEditor({
  channelId,
  name,
  initial,
}: {
  channelId: string;
  name: string;
  initial: OversightKind[];
}) {
  const [kinds, setKinds] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await setChannelOversightMutation({ channelId, oversight: kinds });
      setMessage(result.ok ? { ok: true, text: 'Saved.' } : { ok: false, text: result.error });
    });

  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline">Oversight events of {name}</summary>
      <div className="mt-2 flex flex-col gap-2 rounded-md border border-gray-200 bg-gray-50 p-3">
        <OversightFieldset idPrefix={`oversight-${channelId}`} value={kinds} onChange={setKinds} />
        <div>
          <Button size="sm" variant="secondary" disabled={pending} aria-busy={pending} onClick={save}>
            Save oversight events
          </Button>
        </div>
        {message ? (
          <p
            role={message.ok ? 'status' : 'alert'}
            className={message.ok ? 'text-xs text-gray-600' : 'text-xs text-red-700'}
          >
            {message.text}
          </p>
        ) : null}
      </div>
    </details>
  );
}
