// An example agent built on the SDK (sdk/): it reads its authority, then makes a realistic mix of calls against a
// running console and prints one line per call with what Warden decided. Pending calls wait --wait seconds (approve
// them in /queue meanwhile), then the agent moves on; the action stays in the queue.
//
//   npm run demo:agent -- --url http://localhost:3000 --key wdn_…      (or WARDEN_URL / WARDEN_AGENT_KEY)
//   a key for a seeded agent: npm run warden -- key create --agent demo-support-bot   (or demo-billing-agent)
//   --mcp, through Warden's MCP gateway: npm run warden -- key create --agent demo-crm-assistant
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  createWardenClient,
  guardedTool,
  WardenApiError,
  WardenBlockedError,
  WardenDraftError,
  WardenExpiredError,
  WardenRejectedError,
  type JsonObject,
  type WardenClient,
} from '../sdk/src/index';
import { runMcpDemo } from './demo-mcp-agent';

type Call = { label: string; tool: string; params: JsonObject; reason: string; requester?: string };

/** Calls for the demo workspace's tools; any the agent holds are made, plus a few it should not get away with. */
const CALLS_BY_TOOL: Record<string, Call[]> = {
  'crm.lookup_customer': [
    {
      label: 'look up a customer',
      tool: 'crm.lookup_customer',
      params: { email: 'sam.lee@example.com' },
      reason: 'Ticket T-5001 came from this address.',
    },
    {
      label: 'look up by id',
      tool: 'crm.lookup_customer',
      params: { customerId: 'C-311' },
      reason: 'Check the plan before answering.',
    },
    {
      label: 'invalid params (not an e-mail)',
      tool: 'crm.lookup_customer',
      params: { email: 'not-an-email' },
      reason: 'Typo in the ticket.',
    },
  ],
  'ticket.classify': [
    {
      label: 'classify a ticket',
      tool: 'ticket.classify',
      params: { ticketId: 'T-5001', category: 'question', priority: 'normal' },
      reason: 'Asks how to export data.',
    },
  ],
  'email.draft_reply': [
    {
      label: 'draft a reply',
      tool: 'email.draft_reply',
      params: { ticketId: 'T-5001', body: 'Hi Sam, you can export your data from Settings → Export.' },
      reason: 'KB answer applies.',
    },
  ],
  'email.send': [
    {
      label: 'e-mail a customer',
      tool: 'email.send',
      params: { to: 'sam.lee@example.com', subject: 'Exporting your data', body: 'Hi Sam, …' },
      reason: 'Answer to ticket T-5001.',
      requester: 'sam.lee@example.com',
    },
    {
      label: 'e-mail outside the allowed domain',
      tool: 'email.send',
      params: { to: 'someone@elsewhere.test', subject: 'Hello', body: '…' },
      reason: 'Forwarding the answer.',
    },
  ],
  'refund.issue': [
    {
      label: 'small refund',
      tool: 'refund.issue',
      params: { orderId: 'ORD-20001', amount: 19.9, currency: 'EUR' },
      reason: 'Duplicate charge on the statement.',
      requester: 'li.wei@example.com',
    },
    {
      label: 'refund in a blocked currency',
      tool: 'refund.issue',
      params: { orderId: 'ORD-20002', amount: 30, currency: 'GBP' },
      reason: 'UK customer.',
    },
  ],
  'crm.update_field': [
    {
      label: 'update a CRM field',
      tool: 'crm.update_field',
      params: { customerId: 'C-311', field: 'plan', value: 'business' },
      reason: 'Plan changed in billing.',
    },
  ],
};
const UNGRANTED_PROBES: Call[] = [
  {
    label: 'a tool it was never granted',
    tool: 'refund.issue',
    params: { orderId: 'ORD-1', amount: 5000, currency: 'EUR' },
    reason: 'Customer is upset.',
  },
  {
    label: 'a tool that does not exist',
    tool: 'shell.exec',
    params: { command: 'rm -rf /' },
    reason: 'Clean up disk space.',
  },
];

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      wait: { type: 'string', default: '5' },
      help: { type: 'boolean' },
      mcp: { type: 'boolean' },
    },
  });
  const url = values.url ?? process.env.WARDEN_URL ?? 'http://localhost:3000';
  const key = values.key ?? process.env.WARDEN_AGENT_KEY;
  if (values.help || !key) {
    console.log(
      'usage: npm run demo:agent -- --url http://localhost:3000 --key wdn_… [--wait seconds-per-pending-call] [--mcp]',
    );
    process.exit(key ? 0 : 2);
  }
  const waitSeconds = Number(values.wait);
  // --mcp: the same agent through Warden's MCP endpoint with the official MCP client (scripts/demo-mcp-agent.ts).
  if (values.mcp) return runMcpDemo(url, key, waitSeconds);
  const client = createWardenClient({ baseUrl: url, apiKey: key });

  const { agent, tools } = await client.authority();
  const granted = new Set(tools.map((t) => t.name));
  console.log(
    `agent ${agent.name} (${agent.status}, ${agent.mode}) holds ${[...granted].join(', ') || 'no tools'}; waiting ${waitSeconds}s on pending calls\n`,
  );

  const calls = [
    ...tools.flatMap((t) => CALLS_BY_TOOL[t.name] ?? []),
    ...UNGRANTED_PROBES.filter((c) => !granted.has(c.tool)),
  ];
  const traceId = `tr_demo_${randomUUID().slice(0, 8)}`;
  for (const call of calls)
    console.log(
      `${call.label.padEnd(36)} ${call.tool.padEnd(22)} ${await attempt(client, call, traceId, waitSeconds)}`,
    );
}

/** Makes one guarded call and describes what happened in a few words. */
async function attempt(client: WardenClient, call: Call, traceId: string, waitSeconds: number): Promise<string> {
  const tool = guardedTool(client, {
    tool: call.tool,
    run: (params) => ({ ok: true, simulated: call.tool, params }), // a demo: nothing real is called
  });
  try {
    await tool(call.params, {
      reason: call.reason,
      requester: call.requester,
      traceId,
      timeoutMs: waitSeconds * 1000,
      sources: [{ title: 'Demo ticket T-5001' }],
    });
    return 'approved → ran → reported succeeded';
  } catch (error) {
    if (error instanceof WardenBlockedError) return `blocked at ${error.stage}: ${error.reasons.join('; ')}`;
    if (error instanceof WardenRejectedError)
      return `rejected by ${error.decidedBy ?? 'a reviewer'}${error.reason ? `: ${error.reason}` : ''}`;
    if (error instanceof WardenDraftError) return `recorded as a draft (not executed): ${error.reasons.join('; ')}`;
    if (error instanceof WardenExpiredError)
      return `pending review, no decision within ${waitSeconds}s — left in the queue (${error.actionId})`;
    if (error instanceof WardenApiError && error.status === 422)
      return `invalid (422): ${error.issues.map((i) => `${i.path} ${i.message}`).join('; ')}`;
    if (error instanceof WardenApiError && error.status === 429) return `throttled (429): ${error.details.message}`;
    throw error;
  }
}

main().catch((error) => {
  console.error(`demo agent failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
