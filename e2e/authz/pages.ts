// Who may open each page of the build. Pages are GETs; a refusing page renders AccessDenied or sends to sign-in.
import type { RouteRule } from './rules';
import { ADMINS, DECIDERS, EVERYONE, READERS } from './rules';

export const PAGES: Record<string, RouteRule> = {
  '/': { allow: READERS },
  '/sign-in': { allow: EVERYONE },
  '/actions/[id]': { allow: READERS },
  '/actions/[id]/edit': { allow: DECIDERS },
  '/drafts': { allow: READERS },
  '/agents': { allow: READERS },
  '/agents/new': { allow: ADMINS },
  '/agents/[id]': { allow: READERS },
  '/agents/[id]/grants/[grantId]': { allow: READERS },
  '/analytics': { allow: READERS },
  '/api-reference': { allow: READERS },
  '/audit': { allow: READERS },
  '/controls': { allow: ['otherOwner', 'owner', 'admin'] },
  '/floors': { allow: READERS },
  '/notifications': { allow: DECIDERS },
  '/queue': { allow: READERS },
  '/reviewers': { allow: READERS },
  '/tools': { allow: READERS },
  '/tools/[id]': { allow: READERS },
  '/tools/new': { allow: ADMINS },
  '/users': { allow: ADMINS },
  '/account': { allow: READERS },
  // Where a one-time password is replaced: a signed-in person who need not change theirs is sent to /account.
  '/change-password': { allow: READERS },
  // The MCP gateway's servers (issue 15): admins (mcp.manage).
  '/mcp-servers': { allow: ADMINS },
  // Incidents (issue 13 §3): admins (incidents.manage) only.
  '/incidents': { allow: ADMINS },
  '/incidents/[id]/notes': { allow: ADMINS },
  // The return to normal of an incident (issue 13 §3): admins (incidents.manage).
  '/incidents/[id]/recovery': { allow: ADMINS },
  // The incident workbench's reading and acting side: Overview, Timeline, Replay (admins only).
  '/incidents/[id]': { allow: ADMINS },
  '/incidents/[id]/timeline': { allow: ADMINS },
  '/incidents/[id]/replay': { allow: ADMINS },
};
