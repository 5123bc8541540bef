// What the matrix's rules look like, and the groups of callers they name. Every caller not in a rule's `allow` must
// be refused.
import type { CallerName } from './callers';
import type { Subject } from './subject';

export const READERS: CallerName[] = ['viewer', 'reviewer', 'otherOwner', 'owner', 'admin'];
export const DECIDERS: CallerName[] = ['reviewer', 'admin'];
export const CONTROLLERS: CallerName[] = ['owner', 'admin'];
export const ADMINS: CallerName[] = ['admin'];
export const EVERYONE = 'everyone' as const;
export const AGENT: CallerName[] = ['agentKey'];

export type RouteRule = {
  allow: CallerName[] | typeof EVERYONE;
  /** How the route is called; pages and console routes are GETs. */
  method?: 'GET' | 'POST';
  body?: (subject: Subject) => unknown;
  /** A console stream (server-sent events): only the status and headers are read. */
  stream?: boolean;
};

/** A server action's arguments: JSON values, or a form (sent as the browser sends `action(previousState, formData)`). */
export type ActionArgs = { json: unknown[] } | { form: Record<string, string> };

export type ServerActionRule = {
  allow: CallerName[];
  args: (subject: Subject) => ActionArgs;
  /** The action ends the caller's own sessions: it gets callers of its own, so the others' cookies stay valid. */
  endsOwnSessions?: boolean;
};
