'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { updateReviewerGroupMutation } from './mutations';

/** Rename a group or change its description; grants keep the group (they refer to it by id, not by name). */
export function EditGroupForm({ groupId, name, description }: { groupId: string; name: string; description: string }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ name, description });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!open) {
    return (
      <div>
        <Button
          variant="ghost"
          size="sm"
          aria-label={`Edit ${name}`}
          onClick={() => {
            setDraft({ name, description });
            setOpen(true);
          }}
        >
          Edit name or description
        </Button>
      </div>
    );
  }

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateReviewerGroupMutation({ groupId, name: draft.name, description: draft.description });
      if (!result.ok) return setError(result.error);
      setError(null);
      setOpen(false);
    });
  };

  return (
    <form onSubmit={save} aria-label={`Edit ${name}`} className="flex flex-col gap-2 border-t border-gray-100 pt-3">
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <Label htmlFor={`edit-${groupId}-name`}>Group name</Label>
          <Input
            id={`edit-${groupId}-name`}
            required
            maxLength={60}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </div>
        <div>
          <Label htmlFor={`edit-${groupId}-description`}>Group description</Label>
          <Input
            id={`edit-${groupId}-description`}
            maxLength={300}
            value={draft.description}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
        </div>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
          Save group
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
