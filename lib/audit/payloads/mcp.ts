import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts } from './fields';

/** The MCP gateway's upstream servers and the tool changes found on them (lib/mcp/). */
export const mcpPayloads = {
  // MCP gateway (lib/mcp/): upstream servers (never their credentials), what a registration or refresh found, an
  // admin's decision on a found change.
  'mcp_server.registered': z.strictObject({ serverId: text, name: text, url: text, found: z.number(), status: text }),
  'mcp_server.refreshed': z.strictObject({
    serverId: text,
    name: text,
    status: text,
    added: texts,
    changed: texts,
    removed: texts,
  }),
  'mcp_tool.change_accepted': z.strictObject({
    serverId: text,
    upstreamName: text,
    kind: text,
    tool: text,
    actionLevel: nullableText,
  }),
  'mcp_tool.change_dismissed': z.strictObject({ serverId: text, upstreamName: text, kind: text }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
