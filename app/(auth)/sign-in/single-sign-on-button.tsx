'use client';

import { KeyRound } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useSyncExternalStore, useTransition } from 'react';
import { Button } from '@/components/ui/button';

/** Starts the provider's round trip (next-auth posts for the authorization URL with its CSRF token, then navigates). */
export function SingleSignOnButton({
  providerId,
  name,
  callbackUrl,
  primary,
}: {
  providerId: string;
  name: string;
  callbackUrl: string;
  primary: boolean;
}) {
  const [pending, startTransition] = useTransition();
  // Disabled until the page is hydrated: before that a click has no handler and would be lost (seen in CI: a click
  // right after signing out did nothing). Server and hydration render false; the client then re-renders true.
  const hydrated = useSyncExternalStore(subscribeToNothing, isClient, isServer);
  return (
    <Button
      variant={primary ? 'primary' : 'secondary'}
      className="w-full"
      disabled={pending || !hydrated}
      aria-busy={pending}
      onClick={() =>
        startTransition(async () => {
          // Navigates away to the provider; on a failure next-auth lands back here with ?error=.
          await signIn(providerId, { callbackUrl });
        })
      }
    >
      <KeyRound aria-hidden className="size-4" />
      Sign in with {name}
    </Button>
  );
}

const subscribeToNothing = () => () => undefined;
const isClient = () => true;
const isServer = () => false;
