import type { GrantRulesInput } from '../grants/schemas';

/**
 * The demo upstream MCP server (scripts/demo-mcp-server.ts, started beside the console by `npm start` in demo mode):
 * registered under this name, its four tools imported at these levels, three granted to one agent so that
 * `npm run demo:agent -- --mcp` shows every outcome: a read allowed at once, a write queued for review, an e-mail
 * turned into a draft by a draft-only switch, and a tool the agent was never granted, blocked.
 */
export const DEMO_MCP = {
  server: 'demo_crm',
  levels: { search_customers: 'read', create_ticket: 'create', close_ticket: 'update', email_customer: 'external' },
  agent: {
    name: 'demo-crm-assistant',
    purpose: '[Demo] Works the CRM through the demo MCP server: finds customers, opens tickets, e-mails customers.',
  },
  grants: [
    ['search_customers', { approvals: 0 }],
    ['create_ticket', { approvals: 1, requireReason: true }],
    ['email_customer', { approvals: 1, requireReason: true }],
  ] as [string, Partial<GrantRulesInput>][],
  draftOnly: {
    tool: 'email_customer',
    reason: '[Demo] E-mails from the CRM assistant are drafts until its templates have been reviewed.',
  },
} as const;
