import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getUserActor, type UserActor } from '@/lib/auth/get-user-actor';
import { PATH_HEADER, safeCallbackUrl } from '../path-header';

/**
 * The signed-in user for this request, or a redirect to sign-in that comes back here afterwards.
 * Cached per request, so the layout and the page share one session lookup.
 */
export const requireUser = cache(async (): Promise<UserActor> => {
  const actor = await getUserActor();
  if (actor) return actor;
  const path = safeCallbackUrl((await headers()).get(PATH_HEADER));
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
});
