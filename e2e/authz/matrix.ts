// Who may call each endpoint of the build. Every page, route handler and server action must appear here: the
// matrix spec discovers them from Next's manifests and fails on one these tables do not name (or name but the
// build lacks). `allow` lists the callers that get through; every other caller must be refused. One table per
// surface: pages.ts, route-handlers.ts, server-mutations.ts (the rules' shapes and caller groups: rules.ts).
import { PAGES } from './pages';
import { ROUTE_HANDLERS } from './route-handlers';
import type { RouteRule, ServerActionRule } from './rules';
import { SERVER_MUTATIONS } from './server-mutations';

/** Pages and route handlers, as the spec discovers them: one namespace of URL patterns. */
export const ROUTES: Record<string, RouteRule> = { ...PAGES, ...ROUTE_HANDLERS };

export const SERVER_ACTIONS: Record<string, ServerActionRule> = SERVER_MUTATIONS;
