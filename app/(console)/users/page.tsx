import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/page-header';
import { can } from '@/lib/auth/actor';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { listUsers } from '@/lib/users/list-users';
import { requireUser } from '../require-user';
import { InviteUserForm } from './invite-user-form';
import { UserCard } from './user-card';

export const metadata: Metadata = { title: 'Users' };

/** Admins manage people here: invite, roles, disable, reset password, sign out everywhere (lib/users/*). */
export default async function UsersPage() {
  const actor = await requireUser();
  if (!can(actor, 'users.manage')) {
    return (
      <AccessDenied title="Users">
        Admins manage users. Your own password and sessions are on your account page.
      </AccessDenied>
    );
  }
  const users = await listUsers(actor);
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in and what their roles let them do. Every change here is audited; one-time passwords are shown once and must be changed at the first sign-in."
      />
      <Card className="mb-6">
        <CardHeader
          title="Invite a user"
          description="They get a one-time password, valid for 7 days, which they must replace when they first sign in."
        />
        <CardBody>
          <InviteUserForm />
        </CardBody>
      </Card>
      <ul aria-label="Users" className="flex flex-col gap-3">
        {users.map((user) => (
          <UserCard
            key={user.id}
            user={{
              ...user,
              lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
              passwordExpiresAt: user.passwordExpiresAt?.toISOString() ?? null,
            }}
            isSelf={user.id === actor.id}
          />
        ))}
      </ul>
    </>
  );
}
