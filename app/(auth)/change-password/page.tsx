import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { KeyRound } from 'lucide-react';
import { getSessionUser } from '@/lib/session/get-session-user';
import { safeCallbackUrl } from '../../path-header';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'Choose a new password' };

/** Where someone signed in with a one-time password lands, and stays, until they have replaced it. */
export default async function ChangePasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : null);
  const session = await getSessionUser();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(destination)}`);
  if (!session.mustChangePassword) redirect('/account');

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <KeyRound aria-hidden className="size-10 text-indigo-600" />
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Choose a new password</h1>
          <p className="text-sm text-gray-600">
            You signed in as {session.actor.email} with a one-time password. Replace it to continue.
          </p>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <ChangePasswordForm then={destination} />
        </div>
      </div>
    </main>
  );
}
