'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useTransition } from 'react';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { IntentPrefetchLink } from '../ui/intent-prefetch-link';

/** Who is signed in (name and roles, since roles decide what the console lets them do) and the way out. */
export function UserMenu({
  name,
  email,
  roles,
  className,
}: {
  name: string;
  email: string;
  roles: string[];
  className?: string;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <div
      className={cn(
        'flex min-w-0 items-center gap-2 lg:flex-col lg:items-stretch lg:gap-3 lg:border-t lg:border-gray-200 lg:pt-4',
        className,
      )}
    >
      <div className="min-w-0 text-right lg:px-2 lg:text-left" title={email}>
        <IntentPrefetchLink
          href="/account"
          aria-label={`Your account (${name})`}
          className="block max-w-[7rem] truncate text-sm font-medium text-gray-900 hover:text-indigo-700 hover:underline sm:max-w-[14rem] lg:max-w-none"
        >
          {name}
        </IntentPrefetchLink>
        <p className="hidden truncate text-xs text-gray-600 sm:block">
          {roles.length > 0 ? roles.join(', ') : 'no role'}
        </p>
      </div>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => startTransition(() => signOut({ callbackUrl: '/sign-in' }))}
      >
        <LogOut aria-hidden className="size-4" />
        Sign out
      </Button>
    </div>
  );
}
