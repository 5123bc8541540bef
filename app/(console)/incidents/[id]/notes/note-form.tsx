'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { addIncidentNoteMutation } from './mutations';

export function NoteForm({ id }: { id: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(formElement: HTMLFormElement) {
    const body = new FormData(formElement).get('body');
    setError(null);
    startTransition(async () => {
      const result = await addIncidentNoteMutation({ id, body } as Parameters<typeof addIncidentNoteMutation>[0]);
      if (result.ok) {
        formElement.reset();
        router.refresh();
      } else setError(result.error);
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
        <Label htmlFor="incident-note">New note</Label>
        <Textarea
          id="incident-note"
          name="body"
          required
          maxLength={5000}
          rows={3}
          placeholder="What you found, what you did, what is next."
        />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>
          Add note
        </Button>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      </div>
    </form>
  );
}
