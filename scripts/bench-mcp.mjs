// `npm run bench`'s MCP line: an auto-approved `tools/call` through Warden's /api/mcp (gate, claim, the upstream call,
// the result recorded) against the same call straight to the upstream (the demo CRM server on the official SDK), in
// one run, back to back, each answered 2xx and checked once for a real result. Goal: through Warden ≥ 0.7× direct.
import { spawn } from 'node:child_process';
import path from 'node:path';

const TOKEN = 'bench-upstream-token';

/** One JSON-RPC tools/call, as an MCP client sends it over streamable HTTP (stateless: no session). */
function toolsCall(url, authorization, tool, n) {
  return [
    url,
    {
      requests: [
        {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              jsonrpc: '2.0',
              id: ++n.value,
              method: 'tools/call',
              params: { name: tool, arguments: { query: `customer ${n.value}` } },
            }),
          }),
        },
      ],
    },
  ];
}

async function checkOnce(url, authorization, tool) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: tool, arguments: { query: 'acme' } },
    }),
  });
  const text = await response.text();
  if (response.status !== 200 || !text.includes('Acme GmbH') || text.includes('"isError":true'))
    throw new Error(`an MCP bench call did not return the upstream's result: ${response.status} ${text.slice(0, 300)}`);
}

export async function benchMcpCalls({ root, base, env, upstreamPort, runTypeScript, warmUp, measure, cpu }) {
  const upstream = spawn(
    path.join(root, 'node_modules/.bin/tsx'),
    ['scripts/demo-mcp-server.ts', String(upstreamPort)],
    {
      cwd: root,
      env: { ...env, DEMO_MCP_TOKEN: TOKEN },
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
    },
  );
  try {
    const upstreamUrl = `http://127.0.0.1:${upstreamPort}/mcp`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(upstreamUrl, { method: 'GET' }).then(
        () => true,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error('the demo MCP server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const [key, tool] = runTypeScript(
      'seed-mcp',
      `
    import { createUser } from '@/lib/users/create-user';
    import { createAgent } from '@/lib/agents/create-agent';
    import { grantTool } from '@/lib/grants/grant-tool';
    import { createAgentKey } from '@/lib/agents/create-agent-key';
    import { registerMcpServer } from '@/lib/mcp/register-mcp-server';
    import { reviewMcpToolChange } from '@/lib/mcp/review-mcp-tool-change';
    import { db, disconnectDb } from '@/lib/db/client';
    const actor = { type: 'cli', id: 'bench' } as const;
    async function main() {
    const { user } = await createUser(actor, { email: 'bench-mcp-admin@bench.local', name: 'Bench Admin', roles: ['admin'] });
    const admin = { type: 'user', ...user } as const;
    const server = await registerMcpServer(admin, { name: 'benchcrm', url: '${upstreamUrl}', credentials: '${TOKEN}' });
    const change = await db().mcpToolChange.findFirstOrThrow({ where: { serverId: server.id, upstreamName: 'search_customers' } });
    const { toolName } = await reviewMcpToolChange(admin, { changeId: change.id, decision: 'accept', actionLevel: 'read' });
    const agent = await createAgent(actor, { name: 'bench-mcp-agent', purpose: 'MCP load benchmark', ownerId: user.id });
    await grantTool(actor, { agent: { id: agent.id }, tool: toolName!, approvalRequired: false });
    const { key } = await createAgentKey(actor, { id: agent.id });
    await disconnectDb();
    console.log(key + ' ' + toolName);
    }
    main().catch((error) => { console.error(error); process.exit(1); });
  `,
      env,
    ).split(' ');
    const viaWarden = toolsCall(`${base}/api/mcp`, `Bearer ${key}`, tool, { value: 0 });
    const direct = toolsCall(upstreamUrl, `Bearer ${TOKEN}`, 'search_customers', { value: 0 });
    await checkOnce(`${base}/api/mcp`, `Bearer ${key}`, tool);
    await checkOnce(upstreamUrl, `Bearer ${TOKEN}`, 'search_customers');
    await warmUp(...direct);
    await warmUp(...viaWarden);
    const directRun = await measure(...direct, cpu);
    const wardenRun = await measure(...viaWarden, cpu);
    return { direct: directRun, warden: wardenRun, ratio: wardenRun.rps / directRun.rps };
  } finally {
    const exited = new Promise((resolve) => upstream.once('exit', resolve));
    process.kill(-upstream.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
}
