'use client';

import { useId, useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { releaseSwitchMutation } from './mutations';

/**
 * Releasing is deliberate: a reason and the person's password again (the session alone is not enough). The global
 * stop is released through its request below (two admins); a switch an incident engaged is refused by the domain with
 * a pointer at the incident's return to normal, shown here as the error.
 */
export function ReleaseSwitchForm({ id, label }: { id: string; label: string }) {
  if (id === 'global_stop') {
    return (
      <p className="text-sm text-gray-700 lg:w-80">
        Released through the return to normal: see “Release the global stop” below (another admin approves; a
        workspace’s only admin uses their password).
      </p>
    );
  }
  return <ReleaseFields id={id} label={label} />;
}

function ReleaseFields({ id, label }: { id: string; label: string }) {
  const fieldId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: FormData) {
    startTransition(async () => {
      const result = await releaseSwitchMutation({
        id,
        reason: form.get('reason'),
        password: form.get('password'),
      } as Parameters<typeof releaseSwitchMutation>[0]);
      setError(result.ok ? null : result.error);
    });
  }

  return (
    // onSubmit, not action=: React resets an action form after each submit, and a refused password should not cost the reason.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(new FormData(event.currentTarget));
      }}
      aria-label={`Release ${label}`}
      className="flex w-full flex-col gap-2 lg:w-80"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${fieldId}-reason`}>Release reason</Label>
        <Input id={`${fieldId}-reason`} name="reason" required maxLength={500} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={`${fieldId}-password`}>Your password</Label>
        <Input id={`${fieldId}-password`} name="password" type="password" required autoComplete="current-password" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Release switch
      </Button>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </form>
  );
}
