'use client';

import { useState, useTransition } from 'react';
import { formatUtc } from '@/components/format-time';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/auth/permissions';
import type { UserStatus } from '@/lib/users/list-users';
import {
  resetUserPasswordMutation,
  setUserDisabledMutation,
  setUserRolesMutation,
  signOutEverywhereMutation,
} from './mutations';
import { OneTimePassword } from './one-time-password';
import { RoleCheckboxes } from './role-checkboxes';

type UserRow = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: UserStatus;
  lastSignInAt: string | null;
  passwordExpiresAt: string | null;
};

const STATUS: Record<UserStatus, { label: string; tone: 'green' | 'red' | 'amber' }> = {
  active: { label: 'Active', tone: 'green' },
  disabled: { label: 'Disabled', tone: 'red' },
  must_change_password: { label: 'Must change password', tone: 'amber' },
};

/** One person: who, roles, status, last sign-in, and what an admin can change about them. */
export function UserCard({ user, isSelf }: { user: UserRow; isSelf: boolean }) {
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [issued, setIssued] = useState<{ email: string; password: string; expiresAt: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const headingId = `user-${user.id}`;
  const rolesChanged = [...roles].sort().join() !== [...user.roles].sort().join();

  const run = async (
    work: () => Promise<{ ok: true; data?: unknown } | { ok: false; error: string }>,
    success: string,
  ) => {
    const result = await work();
    setError(result.ok ? null : result.error);
    setNote(result.ok ? success : null);
  };

  return (
    <li aria-labelledby={headingId} className="rounded-lg border border-gray-200 bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold break-words text-gray-900">
            {user.name}
            {isSelf ? ' (you)' : ''}
          </h2>
          <p className="text-sm break-all text-gray-700">{user.email}</p>
        </div>
        <Badge tone={STATUS[user.status].tone}>{STATUS[user.status].label}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-gray-600">Roles</dt>
        <dd className="text-gray-900">{user.roles.join(', ') || 'none'}</dd>
        <dt className="text-gray-600">Last sign-in</dt>
        <dd className="text-gray-900">{user.lastSignInAt ? formatUtc(user.lastSignInAt) : 'never'}</dd>
        {user.status === 'must_change_password' && user.passwordExpiresAt ? (
          <>
            <dt className="text-gray-600">One-time password</dt>
            <dd className="text-gray-900">expires {formatUtc(user.passwordExpiresAt)}</dd>
          </>
        ) : null}
      </dl>

      <form
        className="mt-3 flex flex-col gap-2 border-t border-gray-100 pt-3"
        onSubmit={(event) => {
          event.preventDefault();
          startTransition(() =>
            run(() => setUserRolesMutation({ userId: user.id, roles }), `Roles of ${user.email} saved.`),
          );
        }}
      >
        <RoleCheckboxes
          idPrefix={`roles-${user.id}`}
          legend={`Roles of ${user.email}`}
          value={roles}
          onChange={setRoles}
        />
        <div>
          <Button type="submit" size="sm" variant="secondary" disabled={pending || !rolesChanged} aria-busy={pending}>
            Save roles
          </Button>
        </div>
      </form>

      <div className="mt-3 flex flex-wrap gap-2 border-t border-gray-100 pt-3">
        {user.status === 'disabled' ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              startTransition(() =>
                run(() => setUserDisabledMutation({ userId: user.id, disabled: false }), `${user.email} is enabled.`),
              )
            }
          >
            Enable {user.email}
          </Button>
        ) : (
          <ConfirmDialog
            triggerLabel={`Disable ${user.email}`}
            title={`Disable ${user.email}?`}
            description="They are signed out at once and cannot sign in until an admin enables them again. Their history stays."
            confirmLabel="Disable user"
            onConfirm={() =>
              run(
                () => setUserDisabledMutation({ userId: user.id, disabled: true }),
                `${user.email} is disabled; their sessions have ended.`,
              )
            }
          />
        )}
        <ConfirmDialog
          triggerLabel={`Reset password of ${user.email}`}
          triggerVariant="secondary"
          title={`Reset the password of ${user.email}?`}
          description="Their current password stops working and every session ends. You get a one-time password to give them; they must change it when they sign in."
          confirmLabel="Reset password"
          onConfirm={async () => {
            const result = await resetUserPasswordMutation({ userId: user.id });
            setError(result.ok ? null : result.error);
            setNote(null);
            setIssued(result.ok ? result.data : null);
          }}
        />
        <ConfirmDialog
          triggerLabel={`Sign out ${user.email} everywhere`}
          triggerVariant="secondary"
          title={`Sign out ${user.email} everywhere?`}
          description={
            isSelf
              ? 'Every session of yours ends, this one included: you will have to sign in again.'
              : 'Every session they have open ends on its next request. They can sign in again.'
          }
          confirmLabel="Sign out everywhere"
          onConfirm={() =>
            run(() => signOutEverywhereMutation({ userId: user.id }), `Every session of ${user.email} has ended.`)
          }
        />
      </div>
      {error ? <ErrorAlert className="mt-3">{error}</ErrorAlert> : null}
      {note ? (
        <p role="status" className="mt-3 text-sm text-emerald-800">
          {note}
        </p>
      ) : null}
      {issued ? (
        <div className="mt-3">
          <OneTimePassword {...issued} note={`The password of ${issued.email} was reset.`} />
        </div>
      ) : null}
    </li>
  );
}
