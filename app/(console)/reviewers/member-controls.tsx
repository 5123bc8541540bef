'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import { addGroupMemberMutation, removeGroupMemberMutation } from './mutations';

type Candidate = { id: string; name: string; email: string };

/** Adds one person to the group; only active reviewers and admins are offered (the domain refuses anyone else). */
export function AddMemberForm({
  groupId,
  groupName,
  candidates,
}: {
  groupId: string;
  groupName: string;
  candidates: Candidate[];
}) {
  const [userId, setUserId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `add-member-${groupId}`;

  if (candidates.length === 0)
    return <p className="text-sm text-gray-600">Every reviewer and admin is already a member.</p>;

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!userId) return setError('Choose a reviewer to add.');
    startTransition(async () => {
      const result = await addGroupMemberMutation({ groupId, userId });
      setError(result.ok ? null : result.error);
      if (result.ok) setUserId('');
    });
  };

  return (
    <form onSubmit={add} className="flex flex-col gap-2 border-t border-gray-100 pt-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <Label htmlFor={id}>Add a reviewer to {groupName}</Label>
          <Select id={id} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">Choose a reviewer</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
          Add member
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </form>
  );
}

/** Their approvals stop counting for the group from now on; approvals already given stay as recorded. */
export function RemoveMemberButton({
  groupId,
  groupName,
  userId,
  userName,
}: {
  groupId: string;
  groupName: string;
  userId: string;
  userName: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-busy={pending}
        aria-label={`Remove ${userName} from ${groupName}`}
        onClick={() =>
          startTransition(async () => {
            const result = await removeGroupMemberMutation({ groupId, userId });
            setError(result.ok ? null : result.error);
          })
        }
      >
        Remove
      </Button>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
