import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getSessionUser } from '@/lib/session/get-session-user';
import type { UserActor } from '@/lib/auth/actor';
import { PATH_HEADER, safeCallbackUrl } from '../path-header';

/**
 * The signed-in user for this request, or a redirect: to sign-in (coming back here afterwards), or to the
 * change-password screen while a one-time password has not been replaced. Every console page calls it itself
 * (never relying on the layout alone: an RSC request can render a page without its layout's check having run first).
 * Cached per request, so the layout and the page share one session lookup.
 */
export const requireUser = cache(async (): Promise<UserActor> => {
  const session = await getSessionUser();
  const path = safeCallbackUrl((await headers()).get(PATH_HEADER));
  if (session?.mustChangePassword) redirect(`/change-password?callbackUrl=${encodeURIComponent(path)}`);
  if (session) return session.actor;
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
});
