/** Set by proxy.ts on every page request: the path and query asked for, so sign-in can send people back to it. */
export const PATH_HEADER = 'x-warden-path';

export { safeCallbackUrl } from '@/lib/auth/safe-callback-url';
