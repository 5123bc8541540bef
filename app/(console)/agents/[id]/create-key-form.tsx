'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { createKeyMutation } from './key-mutations';
import { OneTimeKey } from './one-time-key';

/** "Create key": a label and an optional expiry (UTC); the key appears once, below. */
export function CreateKeyForm({ agentId }: { agentId: string }) {
  const [label, setLabel] = useState('');
  const [expiresAt, setExpiresAt] = useState('');
  const [created, setCreated] = useState<{ key: string; prefix: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createKeyMutation({ agentId, label, expiresAt });
      if (!result.ok) return setError(result.error);
      setError(null);
      setCreated(result.data);
      setLabel('');
      setExpiresAt('');
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1 sm:flex-none">
          <Label htmlFor="key-label">Label</Label>
          <Input
            id="key-label"
            maxLength={80}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            placeholder="e.g. production deploy"
          />
        </div>
        <div className="min-w-48 flex-1 sm:flex-none">
          <Label htmlFor="key-expires-at">Expires at (UTC, optional)</Label>
          <Input
            id="key-expires-at"
            type="datetime-local"
            value={expiresAt}
            onChange={(e) => setExpiresAt(e.target.value)}
          />
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Create key
        </Button>
      </form>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {created ? (
        <OneTimeKey id="created-key" value={created.key}>
          <p role="status" className="text-sm text-gray-800">
            Key {created.prefix}… created.
          </p>
        </OneTimeKey>
      ) : null}
    </div>
  );
}
