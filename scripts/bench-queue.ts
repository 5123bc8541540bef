// `npm run bench:queue`: what the review queue's reads cost at scale, measured server-side (in process, around the
// lib/ calls the console makes), on a data set of `npm run seed:scale` (100,000 pending actions, 1,000,000 audit
// events by default): first pages in each order, each filter, "waiting for me", facet counts, keyset next pages, and
// the time from a proposal's commit to its row reaching an open queue watcher.
// SQLite always (data/bench/queue-<pending>.db); PostgreSQL too when WARDEN_BENCH_POSTGRES_URL (or --postgres) names
// a database it may wipe. The data set is seeded when missing or when its pending actions near their deadlines.
// Each engine runs in a child process of its own (the app's database client is one per process).
// The last line is machine-readable: `queue p95_ms sqlite=<n> postgresql=<n|n/a>` (the worst p95 of the page reads).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
/** The measuring child's exit code when the data set must be seeded (again) first. */
const NEEDS_SEED = 3;

export type Measure = { name: string; kind: 'page' | 'facets' | 'live'; p50: number; p95: number; note: string };
export type EngineResult = { provider: 'sqlite' | 'postgresql'; dataset: string; measures: Measure[] };

const USAGE = `usage: npm run bench:queue -- [--pending N] [--audit N] [--iterations N] [--warmup N] [--postgres URL] [--reseed]
  --pending, --audit   size of the data set to seed when none fits (default 100000, 1000000)
  --iterations N       timed calls per measure (default 30), after --warmup N untimed ones (default 5)
  --postgres URL       also PostgreSQL (default: WARDEN_BENCH_POSTGRES_URL); the database is wiped when seeded
  --reseed             seed anew even if a fitting data set exists
  --only TEXT          only the measures whose name contains TEXT (e.g. "watcher", "facet")`;

function options() {
  const { values } = parseArgs({
    options: {
      pending: { type: 'string', default: '100000' },
      audit: { type: 'string', default: '1000000' },
      iterations: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      postgres: { type: 'string' },
      reseed: { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return { ...values, postgres: values.postgres ?? process.env.WARDEN_BENCH_POSTGRES_URL };
}

function main() {
  const o = options();
  if (o.help) return console.log(USAGE);
  mkdirSync(path.join(root, 'data/bench'), { recursive: true });
  const loadBefore = loadavg()[0];
  const engines: [EngineResult['provider'], string][] = [
    ['sqlite', `file:${path.join(root, 'data/bench', `queue-${o.pending}.db`)}`],
  ];
  if (o.postgres) engines.push(['postgresql', o.postgres]);

  const results: EngineResult[] = [];
  for (const [provider, url] of engines) {
    if (o.reseed) seed(provider, url, o.pending, o.audit);
    let run = measureIn(url, o);
    if (run.status === NEEDS_SEED) {
      seed(provider, url, o.pending, o.audit);
      run = measureIn(url, o);
    }
    if (run.status !== 0) throw new Error(`measuring ${provider} failed (exit ${run.status})`);
    results.push(JSON.parse(run.stdout.trim().split('\n').pop()!) as EngineResult);
  }
  report(results, { iterations: Number(o.iterations), warmup: Number(o.warmup), loadBefore });
}

function seed(provider: string, url: string, pending: string, audit: string) {
  console.error(`[bench:queue] ${provider}: seeding ${pending} pending actions, ${audit} audit events`);
  const seeded = spawnSync(tsx, ['scripts/seed-scale.ts', '--pending', pending, '--audit', audit, '--force'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) throw new Error(`seeding ${provider} failed (exit ${seeded.status})`);
}

function measureIn(url: string, o: ReturnType<typeof options>) {
  const only = o.only ? ['--only', o.only] : [];
  return spawnSync(
    tsx,
    [
      'scripts/scale/measure-queue.ts',
      '--pending',
      o.pending,
      '--iterations',
      o.iterations,
      '--warmup',
      o.warmup,
      ...only,
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    },
  );
}

function report(results: EngineResult[], run: { iterations: number; warmup: number; loadBefore: number }) {
  const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  console.log(
    `\n${cpus().length} vCPU, load average ${run.loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after (1 min); ${run.warmup} warm-up + ${run.iterations} timed calls per measure; ms, server-side`,
  );
  for (const result of results) console.log(`${result.provider}: ${result.dataset}`);
  const names = [...new Set(results.flatMap((r) => r.measures.map((m) => m.name)))];
  const header = results.map((r) => `${r.provider} p50 | ${r.provider} p95`).join(' | ');
  console.log(`\n| measure | ${header} | rows / note |`);
  console.log(`|---|${results.map(() => '---:|---:').join('|')}|---|`);
  for (const name of names) {
    const cells = results
      .map((r) => r.measures.find((m) => m.name === name))
      .map((m) => `${fmt(m?.p50)} | ${fmt(m?.p95)}`)
      .join(' | ');
    // The engines' data sets are seeded apart: counts may differ a little between them.
    const note = [...new Set(results.map((r) => r.measures.find((m) => m.name === name)?.note).filter(Boolean))].join(
      ' / ',
    );
    console.log(`| ${name} | ${cells} | ${note} |`);
  }
  const worst = (provider: string) => {
    const pages = results.find((r) => r.provider === provider)?.measures.filter((m) => m.kind === 'page');
    return pages?.length ? fmt(Math.max(...pages.map((m) => m.p95))) : 'n/a';
  };
  console.log(`\nqueue p95_ms sqlite=${worst('sqlite')} postgresql=${worst('postgresql')}`);
}

try {
  main();
} catch (error) {
  console.error(`[bench:queue] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
