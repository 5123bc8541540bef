'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { createReviewerGroupMutation } from './mutations';

/** "Create group": a unique name and an optional description; the new group appears below, empty. */
export function CreateGroupForm() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const create = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createReviewerGroupMutation({ name, description });
      if (!result.ok) return setOutcome({ ok: false, message: result.error });
      setOutcome({ ok: true, message: `Group ${result.data.name} created. Add its members below.` });
      setName('');
      setDescription('');
    });
  };

  return (
    <form onSubmit={create} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-48 flex-1 sm:flex-none">
          <Label htmlFor="group-name">Name</Label>
          <Input
            id="group-name"
            required
            maxLength={60}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Finance"
          />
        </div>
        <div className="min-w-64 flex-1">
          <Label htmlFor="group-description">Description (optional)</Label>
          <Input
            id="group-description"
            maxLength={300}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            placeholder="What this group reviews"
          />
        </div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Create group
        </Button>
      </div>
      {outcome && !outcome.ok ? <ErrorAlert>{outcome.message}</ErrorAlert> : null}
      {outcome?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {outcome.message}
        </p>
      ) : null}
    </form>
  );
}
