// What `npm run bench` (scripts/bench.mjs) and its MCP line run alone (scripts/bench-mcp.mjs) share: a free port, the
// production server started as `npm start` would and stopped with everything it started, and the median round.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The first port in from–to (inclusive) that nothing listens on at 127.0.0.1. */
export async function freePort(from, to) {
  for (let port = from; port <= to; port++) {
    const free = await new Promise((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .once('listening', () => probe.close(() => resolve(true)));
      probe.listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/** `node scripts/start.mjs` in root, in a process group of its own (stopGroup stops it and its next server). */
export function startServer(root, env) {
  return spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
}

/** Stops the whole group a detached child leads and lets it go (up to graceMs) before the next one starts. */
export async function stopGroup(child, graceMs) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
}

export async function waitForHealth(base, server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const status = await fetch(`${base}/api/v1/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (status === 404)
      throw new Error('GET /api/v1/health is 404: the build predates it; rebuild with `npx next build`.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the server did not answer within 2 minutes');
}

/** The median round by one figure (the lower middle of an even count). */
export function medianBy(rounds, figure) {
  return [...rounds].sort((a, b) => a[figure] - b[figure])[Math.floor((rounds.length - 1) / 2)];
}

/** The nearest-rank percentile (0 < q ≤ 1) of ascending `sorted`: the smallest value at or above q of them all. */
export function percentile(sorted, q) {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/**
 * Each route's answers over every fixed-rate round, as one sample: its p99 is the 1 % slowest of them all. A round
 * is `{ baseline, proposals }`, each a `measure()` result with the latencies kept.
 */
export function poolRounds(rounds) {
  const pool = (route) => {
    const results = rounds.map((round) => round[route]);
    const sorted = Float64Array.from(results.flatMap((r) => r.latencies)).sort();
    return {
      rps: results.reduce((sum, r) => sum + r.rps, 0) / results.length,
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1],
      non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
      total: sorted.length,
    };
  };
  const baseline = pool('baseline');
  const proposals = pool('proposals');
  return { baseline, proposals, p99ratio: proposals.p99 / baseline.p99 };
}

/**
 * The machine's CPU time so far from /proc/stat's first line (clock ticks): all of it, and what the hypervisor gave
 * to other guests while this one wanted to run ("steal"). Null where there is no /proc/stat.
 */
export function readCpuTicks(stat = readProcStat()) {
  const fields = stat?.split('\n', 1)[0].trim().split(/\s+/);
  if (!fields || fields[0] !== 'cpu' || fields.length < 9) return null;
  const ticks = fields.slice(1, 9).map(Number);
  return { total: ticks.reduce((sum, n) => sum + n, 0), steal: ticks[7] };
}

/** The share of the machine's CPU time stolen between two readCpuTicks readings (null if either is missing). */
export function stealShare(before, after) {
  if (!before || !after || after.total <= before.total) return null;
  return (after.steal - before.steal) / (after.total - before.total);
}

function readProcStat() {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
}
