import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ShieldCheck } from 'lucide-react';
import { getUserActor } from '@/lib/session/get-user-actor';
import { safeCallbackUrl } from '../../path-header';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : null);
  // Already signed in (and still valid): nothing to do here.
  if (await getUserActor()) redirect(destination);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <ShieldCheck aria-hidden className="size-10 text-indigo-600" />
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Sign in to Warden</h1>
          <p className="text-sm text-gray-600">Review and oversee what your AI agents want to do.</p>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <SignInForm callbackUrl={destination} />
        </div>
      </div>
    </main>
  );
}
