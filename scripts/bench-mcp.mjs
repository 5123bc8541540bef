// `npm run bench`'s MCP line: an auto-approved `tools/call` through Warden's /api/mcp (gate, claim, the upstream call,
// the result recorded) against the same call straight to the upstream (the demo CRM server on the official SDK), in
// one run, back to back, each answered 2xx and checked once for a real result. Goal: through Warden ≥ 0.7× direct.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, medianBy, startServer, stopGroup, waitForHealth } from './bench-lib.mjs';

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

export async function benchMcpCalls({
  root,
  base,
  env,
  upstreamPort,
  runTypeScript,
  warmUp,
  measure,
  cpu,
  rounds = 1,
}) {
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
    // Pairs back to back (the machine's speed drifts); the median pair by ratio is the figure.
    const pairs = [];
    for (let round = 0; round < rounds; round++) {
      const directRun = await measure(...direct, cpu);
      const wardenRun = await measure(...viaWarden, cpu);
      pairs.push({ direct: directRun, warden: wardenRun, ratio: wardenRun.rps / directRun.rps });
    }
    return { ...medianBy(pairs, 'ratio'), pairs };
  } finally {
    await stopGroup(upstream, 5_000);
  }
}

// Run alone (`node scripts/bench-mcp.mjs`, after `npx next build`): the MCP line only, on a fresh SQLite file, with
// the production build served as `npm start` would on a free port from WARDEN_BENCH_PORT_BASE (default 3400),
// WARDEN_BENCH_ROUNDS pairs (default 3) of WARDEN_BENCH_SECONDS each (default 10), 16 connections. NODE_OPTIONS
// reaches the server too (Node refuses `--cpu-prof` there: to profile, add it to the server's own command line in
// scripts/start.mjs for the run). Prints each pair and the median.
/** NODE_OPTIONS is for the server only, not for the seeding scripts or the upstream. */
function withoutNodeOptions(env) {
  const copy = { ...env };
  delete copy.NODE_OPTIONS;
  return copy;
}

async function runAlone() {
  const { default: autocannon } = await import('autocannon');
  const { execFileSync } = await import('node:child_process');
  const { mkdirSync, rmSync, writeFileSync } = await import('node:fs');
  const { loadavg } = await import('node:os');
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const seconds = Number(process.env.WARDEN_BENCH_SECONDS ?? 10);
  const rounds = Math.max(1, Number(process.env.WARDEN_BENCH_ROUNDS ?? 3));
  const portBase = Number(process.env.WARDEN_BENCH_PORT_BASE ?? 3400);
  const dir = path.join(root, 'data/bench', `mcp-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const port = await freePort(portBase, portBase + 99);
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    WARDEN_DATA_DIR: dir,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    WARDEN_SEED: 'none',
    WARDEN_SKIP_BUILD: '1',
    WARDEN_EGRESS_ALLOW: '127.0.0.1',
  };
  const toolEnv = withoutNodeOptions(env);
  const server = startServer(root, env);
  try {
    await waitForHealth(base, server);
    const runTypeScript = (name, source, scriptEnv) => {
      const file = path.join(dir, `${name}.ts`);
      writeFileSync(file, source);
      return execFileSync(path.join(root, 'node_modules/.bin/tsx'), [file], {
        cwd: root,
        env: withoutNodeOptions(scriptEnv),
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop();
    };
    const run = (url, options, duration) => autocannon({ url, connections: 16, duration, ...options });
    const measure = async (url, options) => {
      const r = await run(url, options, seconds);
      return {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx + r.errors + r.timeouts,
        total: r.requests.total,
      };
    };
    const load = loadavg()[0];
    const upstreamPort = await freePort(port + 1, port + 100);
    const mcp = await benchMcpCalls({
      root,
      base,
      env: toolEnv,
      upstreamPort,
      runTypeScript,
      warmUp: (url, options) => run(url, options, 3),
      measure,
      cpu: null,
      rounds,
    });
    const line = (name, r) =>
      `${name.padEnd(10)} ${r.rps.toFixed(0).padStart(6)}/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  non-2xx ${r.non2xx}/${r.total}`;
    mcp.pairs.forEach((pair, i) => {
      console.log(`round ${i + 1}${pair.ratio === mcp.ratio ? ' (median)' : ''}`);
      console.log(`  ${line('direct', pair.direct)}`);
      console.log(`  ${line('via Warden', pair.warden)}  ratio ${pair.ratio.toFixed(3)}`);
    });
    console.log(
      `MCP tools/call, median of ${rounds}: via Warden ${mcp.warden.rps.toFixed(0)}/s vs direct ${mcp.direct.rps.toFixed(0)}/s = ${mcp.ratio.toFixed(3)}× (load average ${load.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after)`,
    );
  } finally {
    await stopGroup(server, 10_000);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAlone().catch((error) => {
    console.error(`[bench-mcp] ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  });
}
