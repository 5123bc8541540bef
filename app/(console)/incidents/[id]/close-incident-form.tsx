'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { closeIncidentMutation } from './layout-mutations';

/**
 * Closing needs a resolution summary; the version the closer saw goes with it, so a close over a change made
 * meanwhile (a note, a new fallback) is refused rather than made blind. Hidden behind a button: it is final.
 */
export function CloseIncidentForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <Button variant="secondary" aria-expanded={false} aria-controls="close-incident" onClick={() => setOpen(true)}>
        Close incident…
      </Button>
    );
  }
  function submit(formElement: HTMLFormElement) {
    const resolution = new FormData(formElement).get('resolution');
    setError(null);
    startTransition(async () => {
      const result = await closeIncidentMutation({ id, version, resolution } as Parameters<
        typeof closeIncidentMutation
      >[0]);
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else setError(result.error);
    });
  }
  return (
    <form
      id="close-incident"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="flex w-full flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-resolution">Resolution summary</Label>
        <Textarea
          id="incident-resolution"
          name="resolution"
          required
          maxLength={5000}
          rows={3}
          placeholder="What happened, what was undone, what changed so it cannot happen again."
        />
      </div>
      <p className="text-xs text-gray-600">
        Closing ends the window now and is final: no more notes or marks. Containment stays until the return to normal.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          Close incident
        </Button>
        <Button variant="ghost" aria-expanded onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </form>
  );
}
