'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { Role } from '@/lib/auth/permissions';
import { inviteUserMutation } from './mutations';
import { OneTimePassword } from './one-time-password';
import { RoleCheckboxes } from './role-checkboxes';

/** Email, name and roles; the answer is the one-time password, shown once below the form. */
export function InviteUserForm() {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['reviewer']);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ email: string; password: string; expiresAt: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const invite = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await inviteUserMutation({ email, name, roles });
      if (!result.ok) return setError(result.error);
      setError(null);
      setIssued(result.data);
      setEmail('');
      setName('');
    });
  };

  return (
    <form onSubmit={invite} className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        <div className="min-w-56 flex-1">
          <Label htmlFor="invite-email">Email</Label>
          <Input
            id="invite-email"
            type="email"
            required
            maxLength={200}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="min-w-56 flex-1">
          <Label htmlFor="invite-name">Name</Label>
          <Input
            id="invite-name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
          />
        </div>
      </div>
      <RoleCheckboxes idPrefix="invite-role" legend="Roles" value={roles} onChange={setRoles} />
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Invite user
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {issued ? (
        <OneTimePassword {...issued} note={`${issued.email} can now sign in with this one-time password.`} />
      ) : null}
    </form>
  );
}
