// Who may call each route handler of the build: the agent API, console routes (downloads, streams, polls), auth.
import type { RouteRule } from './rules';
import { ADMINS, AGENT, EVERYONE, READERS } from './rules';

export const ROUTE_HANDLERS: Record<string, RouteRule> = {
  '/actions/[id]/events': { allow: READERS, stream: true },
  // The audit log's download (issue 13): whoever may read the log may take it away, masked as on screen.
  '/audit/export': { allow: READERS },
  '/queue/events': { allow: READERS, stream: true },
  '/queue/live': { allow: READERS, stream: true },
  '/queue/rows': { allow: READERS },
  '/api/auth/[...nextauth]': { allow: EVERYONE },
  '/api/v1/health': { allow: EVERYONE },
  '/api/v1/openapi.json': { allow: EVERYONE },
  '/api/v1/agent': { allow: AGENT },
  '/api/v1/actions': {
    allow: AGENT,
    method: 'POST',
    body: (s) => ({ tool: s.toolName, params: { title: 'matrix', priority: 1 } }),
  },
  '/api/v1/actions/[id]': { allow: AGENT },
  '/api/v1/actions/[id]/claim': { allow: AGENT, method: 'POST' },
  '/api/v1/actions/[id]/result': { allow: AGENT, method: 'POST', body: () => ({ ok: true }) },
  // What a stop does (issue 13 §1): the shell banner's poll of the global stop, on every console page.
  '/stop-state': { allow: READERS },
  // Rollback (issue 13 §4): the agent's own rollback actions.
  '/api/v1/rollbacks': { allow: AGENT },
  // The MCP gateway (issue 15): Warden as an MCP server, the agent's key as the bearer token.
  '/api/mcp': {
    allow: AGENT,
    method: 'POST',
    body: () => ({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }),
  },
  // The incident's signed evidence bundle (incidents.manage and audit.verify: admins).
  '/incidents/[id]/evidence': { allow: ADMINS },
  // Operations (issue 16): Prometheus's scrape needs WARDEN_METRICS_TOKEN, which no caller holds (and the matrix's
  // server sets none: 404); readiness is public like health, for load balancers.
  '/api/metrics': { allow: [] },
  '/api/v1/ready': { allow: EVERYONE },
};
