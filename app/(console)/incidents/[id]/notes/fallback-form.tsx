'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { setIncidentFallbackMutation } from './mutations';

/** The fallback text with the version it was read at: a save over someone else's newer text is refused, not lost. */
export function FallbackForm({ id, version, text }: { id: string; version: number; text: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formElement: HTMLFormElement) {
    const manualFallback = new FormData(formElement).get('manualFallback');
    setMessage(null);
    startTransition(async () => {
      const result = await setIncidentFallbackMutation({ id, version, manualFallback } as Parameters<
        typeof setIncidentFallbackMutation
      >[0]);
      if (result.ok) {
        setMessage({
          ok: true,
          text: result.data.changed ? 'Fallback saved: reviewers see it on the affected agents’ pages.' : 'No change.',
        });
        router.refresh();
      } else setMessage({ ok: false, text: result.error });
    });
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="flex flex-col gap-3"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-fallback-text">Fallback text</Label>
        <Textarea
          id="incident-fallback-text"
          name="manualFallback"
          maxLength={2000}
          rows={4}
          defaultValue={text}
          key={`${version}`}
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          Save fallback
        </Button>
        {message ? (
          message.ok ? (
            <p role="status" className="text-sm text-emerald-800">
              {message.text}
            </p>
          ) : (
            <ErrorAlert>{message.text}</ErrorAlert>
          )
        ) : null}
      </div>
    </form>
  );
}
