'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { changeOwnPasswordMutation } from './mutations';

/** Current password, the new one twice. After a forced change, goes on to `then`; otherwise says it is done. */
export function ChangePasswordForm({ then }: { then?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await changeOwnPasswordMutation({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
        confirmPassword: String(data.get('confirmPassword') ?? ''),
      });
      if (!result.ok) return setError(result.error);
      setError(null);
      form.reset();
      if (then) {
        router.replace(then);
        router.refresh();
      } else setDone(true);
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <div>
        <Label htmlFor="current-password">Current password</Label>
        <Input id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      </div>
      <div>
        <Label htmlFor="new-password">New password</Label>
        <Input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          maxLength={200}
          required
          aria-describedby="new-password-hint"
        />
        <p id="new-password-hint" className="mt-1 text-xs text-gray-600">
          At least 12 characters.
        </p>
      </div>
      <div>
        <Label htmlFor="confirm-password">New password again</Label>
        <Input id="confirm-password" name="confirmPassword" type="password" autoComplete="new-password" required />
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {done ? (
        <p role="status" className="text-sm text-emerald-800">
          Password changed. Your other sessions have ended.
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending} className="sm:self-start">
        Change password
      </Button>
    </form>
  );
}
