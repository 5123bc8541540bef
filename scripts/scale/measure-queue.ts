// The measuring half of `npm run bench:queue` (scripts/bench-queue.ts), run once per database in a process of its
// own on the data set named by DATABASE_URL. Prints its figures as one JSON line; exits 3 when the data set is missing,
// smaller than asked, or has pending actions near their deadline (then the caller seeds it again).
import { parseArgs } from 'node:util';
import { countPendingFacets } from '@/lib/actions/count-pending-facets';
import { listPendingActions } from '@/lib/actions/list-pending-actions';
import { proposeAction } from '@/lib/gate/propose-action';
import { watchReviewQueue } from '@/lib/actions/watch-review-queue';
import type { Actor } from '@/lib/auth/actor';
import { parseRoles } from '@/lib/auth/roles';
import { db, disconnectDb } from '@/lib/db/client';
import { databaseTarget } from '@/lib/env';
import type { QueueQuery } from '@/lib/review/queue-query';
import type { QueueFilter } from '@/lib/review/schemas';
import type { EngineResult, Measure } from '../bench-queue';
import { SCALE_ADMIN_EMAIL, SCALE_REVIEWER_EMAIL } from './workspace';

const NEEDS_SEED = 3;
/** Pending actions this close to their deadline would leave the queue during the run: the set is too old. */
const DEADLINE_MARGIN_MS = 30 * 60_000;

const { values } = parseArgs({
  options: {
    pending: { type: 'string' },
    iterations: { type: 'string' },
    warmup: { type: 'string' },
    only: { type: 'string' },
  },
  strict: true,
});
const ITERATIONS = Number(values.iterations ?? 30);
const WARMUP = Number(values.warmup ?? 5);
/** Measures whose name contains this text, for a quicker look at a few (default: all). */
const selected = (name: string) => !values.only || name.includes(values.only);

async function main() {
  const problem = await datasetProblem(Number(values.pending ?? 100_000));
  if (problem) {
    console.error(`[bench:queue] ${problem}: seeding`);
    process.exitCode = NEEDS_SEED;
    return;
  }
  const reviewer = await userActor(SCALE_REVIEWER_EMAIL);
  const admin = await userActor(SCALE_ADMIN_EMAIL);
  const measures: Measure[] = [];
  const facets = await countPendingFacets(reviewer, {});
  const busiestAgent = facets.byAgent[0].name;

  const page = async (name: string, actor: Actor, query: QueueQuery) => {
    const first = await listPendingActions(actor, query);
    if (!selected(name)) return first;
    const matching = query.after ? null : (await countPendingFacets(actor, query.filter)).matching;
    const timing = await time(() => listPendingActions(actor, query));
    measures.push({
      name,
      kind: 'page',
      ...timing,
      note: `${first.rows.length} rows${matching === null ? '' : ` of ${matching.toLocaleString('en-US')}`}`,
    });
    return first;
  };
  const newest = (filter: QueueFilter = {}): QueueQuery => ({ filter, sort: 'newest' });

  const firstPage = await page('first page, newest (reviewer)', reviewer, newest());
  await page('first page, newest (admin)', admin, newest());
  await page('first page, oldest', reviewer, { filter: {}, sort: 'oldest' });
  const riskiest = await page('first page, riskiest', reviewer, { filter: {}, sort: 'risk' });
  await page(`agent = ${busiestAgent}`, reviewer, newest({ agent: busiestAgent }));
  await page('agent = sre-agent (few pending)', reviewer, newest({ agent: 'sre-agent' }));
  await page('tool = email.send', reviewer, newest({ tool: 'email.send' }));
  await page('level = update', reviewer, newest({ level: 'update' }));
  await page('risk = unverified_requester (common)', reviewer, newest({ risk: 'unverified_requester' }));
  await page('risk = hostile_text (rare)', reviewer, newest({ risk: 'hostile_text' }));
  await page('requester contains "gmail"', reviewer, newest({ requester: 'gmail' }));
  await page('requester = one colleague (rare)', reviewer, newest({ requester: await rareRequester() }));
  await page('age > 4 h', reviewer, newest({ age: '4h' }));
  const mine = await page('waiting for me (reviewer, Finance)', reviewer, newest({ mine: true }));
  await page('waiting for me (admin)', admin, newest({ mine: true }));
  await page('waiting for me + risk = no_sources', reviewer, newest({ mine: true, risk: 'no_sources' }));
  await page('next page (keyset), newest', reviewer, { ...newest(), after: firstPage.nextCursor! });
  await page('page 21 (keyset), newest', reviewer, {
    ...newest(),
    after: await cursorAfterPages(reviewer, newest(), 20),
  });
  await page('next page (keyset), riskiest', reviewer, { filter: {}, sort: 'risk', after: riskiest.nextCursor! });
  await page('next page (keyset), waiting for me', reviewer, { ...newest({ mine: true }), after: mine.nextCursor! });

  const facet = async (name: string, actor: Actor, filter: QueueFilter) => {
    if (!selected(name)) return;
    const timing = await time(() => countPendingFacets(actor, filter));
    measures.push({
      name,
      kind: 'facets',
      ...timing,
      note: `${(await countPendingFacets(actor, filter)).matching.toLocaleString('en-US')} matching`,
    });
  };
  await facet('facet counts, no filter', reviewer, {});
  await facet(`facet counts, agent = ${busiestAgent}`, reviewer, { agent: busiestAgent });
  await facet('facet counts, waiting for me', reviewer, { mine: true });

  const live = async (name: string, idle: boolean, note: string) => {
    if (selected(name)) measures.push({ name, kind: 'live', ...(await watcherLatency(reviewer, idle)), note });
  };
  await live('proposal commit → row at a watcher (quiet queue)', true, 'unfiltered queue; one proposal at a time');
  await live('proposal commit → row at a watcher (busy queue)', false, 'the next proposal as soon as the row arrived');

  const pending = await db().action.count({ where: { status: 'pending_review' } });
  const actions = await db().action.count();
  const audit = await db().auditEvent.count();
  const dataset = `${pending.toLocaleString('en-US')} pending of ${actions.toLocaleString('en-US')} actions, ${audit.toLocaleString('en-US')} audit events`;
  const result: EngineResult = { provider: databaseTarget().provider, dataset, measures };
  console.log(JSON.stringify(result));
}

/** Why this database cannot be measured as it is, or null. */
async function datasetProblem(pending: number): Promise<string | null> {
  const { migrateDatabase } = await import('@/lib/db/migrate');
  await migrateDatabase();
  if (!(await db().user.findUnique({ where: { email: SCALE_REVIEWER_EMAIL } }))) return 'no scale data set here';
  const seeded = await db().action.count({ where: { status: 'pending_review' } });
  // The bench's own proposals add a few dozen each run.
  if (seeded < pending || seeded > pending * 1.05 + 1000)
    return `${seeded} pending actions, not the ${pending} asked for`;
  const soon = await db().action.count({
    where: { status: 'pending_review', expiresAt: { lte: new Date(Date.now() + DEADLINE_MARGIN_MS) } },
  });
  return soon > 0 ? `${soon} pending actions reach their deadline within 30 minutes` : null;
}

async function userActor(email: string): Promise<Extract<Actor, { type: 'user' }>> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return { type: 'user', id: user.id, email: user.email, name: user.name, roles: parseRoles(user.roles) };
}

/** A requester named on a handful of pending actions: the substring filter then reads far down the index. */
async function rareRequester(): Promise<string> {
  const row = await db().action.findFirstOrThrow({
    where: { status: 'pending_review', requester: { endsWith: '@corp.example.com' } },
    orderBy: { id: 'asc' },
    select: { requester: true },
  });
  return row.requester!;
}

async function cursorAfterPages(actor: Actor, query: QueueQuery, pages: number): Promise<string> {
  let after: string | undefined;
  for (let i = 0; i < pages; i++) after = (await listPendingActions(actor, { ...query, after })).nextCursor!;
  return after!;
}

/** p50 and p95 (nearest rank) of ITERATIONS timed calls after WARMUP untimed ones. */
async function time(call: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await call();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    await call();
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  return { p50: rank(0.5), p95: rank(0.95) };
}

/**
 * From proposeAction's return (the proposal is committed) to the row arriving in the delta of a watcher opened on
 * the queue, one proposal at a time. The watcher coalesces changes for 100 ms, then reads the changed rows, then
 * recounts the facets (at most once a second); a change arriving meanwhile waits for that update to end. `idle`:
 * each proposal waits until the watcher has sent the facets that follow the previous one (a quiet queue); otherwise
 * proposals follow each other as soon as the previous row arrived (a busy queue).
 */
async function watcherLatency(reviewer: Actor, idle: boolean): Promise<{ p50: number; p95: number }> {
  const agent = await db().agent.findUniqueOrThrow({ where: { name: 'billing-agent' } });
  const actor: Actor = { type: 'agent', id: agent.id, name: agent.name, keyId: 'bench-queue' };
  const arrived = new Map<string, { at: number; facetsSent: number }>();
  const waiting = new Map<string, () => void>();
  let facetsSent = 0;
  let onNextFacets: (() => void) | null = null;
  const unwatch = watchReviewQueue(
    reviewer,
    { filter: {}, sort: 'newest' },
    {
      onSwitches: () => {}, // no switch changes while the queue is measured
      onReady: () => {},
      onDelta: (delta) => {
        for (const row of delta.upserted) {
          if (!arrived.has(row.id)) arrived.set(row.id, { at: performance.now(), facetsSent });
          waiting.get(row.id)?.();
        }
      },
      onFacets: () => {
        facetsSent += 1;
        onNextFacets?.();
      },
    },
  );
  const samples: number[] = [];
  try {
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const { id, status } = await proposeAction(actor, {
        tool: 'refund.issue',
        params: { orderId: `ORD-BENCH-${Date.now()}-${i}`, amount: 42.5, currency: 'EUR' },
        reason: 'Benchmark: the customer was charged twice.',
        sources: [{ title: 'Ticket #1: charged twice' }],
      });
      const committed = performance.now();
      if (status !== 'pending_review') throw new Error(`the bench proposal was ${status}, not pending_review`);
      if (!arrived.has(id)) await arrival(id, waiting);
      if (i >= WARMUP) samples.push(Math.max(0, arrived.get(id)!.at - committed));
      // The facets recounted after this row are the watcher's last work for it.
      if (idle) await facetsAfter(arrived.get(id)!.facetsSent);
    }
  } finally {
    unwatch();
  }
  return percentiles(samples);

  /** Resolves once the watcher has sent facets more than `count` times (within 30 s, or the run fails). */
  function facetsAfter(count: number): Promise<void> {
    return within(30_000, 'the watcher sent no facets', (resolve) => {
      onNextFacets = () => {
        if (facetsSent > count) resolve();
      };
      onNextFacets();
    });
  }
}

/** Resolves when the watcher delivers `id`; a row that never comes within 30 s fails the run. */
function arrival(id: string, waiting: Map<string, () => void>): Promise<void> {
  return within(30_000, `the watcher did not deliver ${id}`, (resolve) => waiting.set(id, resolve));
}

/** A promise `start` resolves, rejected with `failure` if that takes longer than `ms` (a deadline, not a wait). */
function within(ms: number, failure: string, start: (resolve: () => void) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${failure} within ${ms / 1000} s`)), ms);
    start(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(disconnectDb);
