'use client';

import { KeyRound } from 'lucide-react';
import { signIn } from 'next-auth/react';
import { useTransition } from 'react';
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
  return (
    <Button
      variant={primary ? 'primary' : 'secondary'}
      className="w-full"
      disabled={pending}
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
