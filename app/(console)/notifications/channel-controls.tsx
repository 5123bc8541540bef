'use client';

import { Send } from 'lucide-react';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import type { OversightKind } from '@/lib/notifications/oversight-events';
import { sendTestNotificationMutation, setChannelEnabledMutation } from './mutations';
import { OversightEditor } from './oversight-editor';

/** A channel row's admin buttons: send a test, and switch the channel off or on (no confirmation: both undo at once). */
export function ChannelControls({
  channelId,
  name,
  enabled,
  oversight,
}: {
  channelId: string;
  name: string;
  enabled: boolean;
  oversight: OversightKind[];
}) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<{ ok: true } | { ok: false; error: string }>, done: string) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.error });
    });

  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending || !enabled}
          aria-label={`Send test to ${name}`}
          onClick={() => run(() => sendTestNotificationMutation({ channelId }), 'Test queued: see the delivery log.')}
        >
          <Send aria-hidden className="size-3.5" />
          Send test
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          aria-label={`${enabled ? 'Disable' : 'Enable'} ${name}`}
          onClick={() =>
            run(
              () => setChannelEnabledMutation({ channelId, enabled: !enabled }),
              enabled ? 'Channel disabled.' : 'Channel enabled.',
            )
          }
        >
          {enabled ? 'Disable' : 'Enable'}
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
      <OversightEditor channelId={channelId} name={name} initial={oversight} />
    </div>
  );
}
