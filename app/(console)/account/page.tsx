import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ChangePasswordForm } from '../../(auth)/change-password/change-password-form';
import { requireUser } from '../require-user';
import { SignOutEverywhereButton } from './sign-out-everywhere-button';

export const metadata: Metadata = { title: 'Your account' };

/** Anyone's own account: change the password (the current one required), end every session. */
export default async function AccountPage() {
  const actor = await requireUser();
  return (
    <>
      <PageHeader
        title="Your account"
        description={`${actor.name} · ${actor.email} · ${actor.roles.join(', ') || 'no role'}`}
      />
      <div className="flex max-w-xl flex-col gap-6">
        <Card>
          <CardHeader title="Change password" description="Your other sessions end when you change it." />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Sessions"
            description="Lost a device, or signed in on a shared computer? End every session of yours at once."
          />
          <CardBody>
            <SignOutEverywhereButton />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
