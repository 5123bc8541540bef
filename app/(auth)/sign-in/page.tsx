import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ShieldCheck } from 'lucide-react';
import { ErrorAlert } from '@/components/ui/alert';
import { oidcSettings, passwordSignInEnabled } from '@/lib/auth/oidc-settings';
import { getUserActor } from '@/lib/session/get-user-actor';
import { OIDC_PROVIDER_ID } from '@/lib/session/next-auth-options';
import { safeCallbackUrl } from '../../path-header';
import { signInErrorMessage } from './sign-in-errors';
import { SignInForm } from './sign-in-form';
import { SingleSignOnButton } from './single-sign-on-button';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;
}) {
  const { callbackUrl, error } = await searchParams;
  const destination = safeCallbackUrl(typeof callbackUrl === 'string' ? callbackUrl : null);
  // Already signed in (and still valid): nothing to do here.
  if (await getUserActor()) redirect(destination);
  const oidc = oidcSettings();
  const passwords = passwordSignInEnabled();
  const message = signInErrorMessage(typeof error === 'string' ? error : null);

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-2 text-center">
          <ShieldCheck aria-hidden className="size-10 text-indigo-600" />
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Sign in to Warden</h1>
          <p className="text-sm text-gray-600">Review and oversee what your AI agents want to do.</p>
        </div>
        <div className="flex flex-col gap-4 rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          {message ? <ErrorAlert>{message}</ErrorAlert> : null}
          {oidc ? (
            <SingleSignOnButton
              providerId={OIDC_PROVIDER_ID}
              name={oidc.name}
              callbackUrl={destination}
              primary={!passwords}
            />
          ) : null}
          {oidc && passwords ? (
            <div className="flex items-center gap-3 text-xs text-gray-500" role="separator" aria-label="or">
              <span className="h-px flex-1 bg-gray-200" />
              or with your password
              <span className="h-px flex-1 bg-gray-200" />
            </div>
          ) : null}
          {passwords ? <SignInForm callbackUrl={destination} /> : null}
        </div>
      </div>
    </main>
  );
}
