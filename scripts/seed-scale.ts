// `npm run seed:scale -- --pending 100000 --audit 1000000`: fills the database named by DATABASE_URL (SQLite or
// PostgreSQL) with a company's worth of Warden data at scale, to measure the review queue against. The workspace
// (people, groups, tools, agents, grants) is created through the app's domain functions; the history (actions,
// approvals, audit events) is generated with the app's pure rules and bulk-inserted straight through the driver.
import { parseArgs } from 'node:util';
import type { Actor } from '@/lib/auth/actor';
import { generatePassword } from '@/lib/auth/password';
import { disconnectDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { databaseTarget, type DatabaseTarget } from '@/lib/env';
import { HistoryBuilder } from './scale/build-history';
import { openBulkWriter, type BulkWriter } from './scale/bulk-writer';
import { planHistory } from './scale/plan-history';
import { Random } from './scale/random';
import { createWorkspace, SCALE_ADMIN_EMAIL, SCALE_REVIEWER_EMAIL, type Workspace } from './scale/workspace';
import { writeHistory } from './scale/write-history';

const USAGE = `usage: DATABASE_URL=<file:… | postgresql://…> npm run seed:scale -- [options]

Fills an EMPTY Warden database with a scale data set: 25 people (admins, owners, reviewers in Finance, Security and
Support leads, viewers), 42 tools of every action level, 20 agents with their grants, then the history: --pending
actions waiting for review (spread over the last 7 days, each inside its review deadline), decided and finished
actions over --days days, approvals, and audit events up to exactly --audit in all. Every seeded person's password is
printed at the end.

  --pending N   actions waiting for review (default 100000)
  --audit N     audit events in all, the workspace's own included (default 1000000)
  --days N      days of decided history (default 30)
  --seed N      seed of the generator: the same seed gives the same shape of data (default 1)
  --force       the database is not empty: DELETE EVERY ROW of Warden's tables first, then seed
  --help

Refuses a database that already holds people or actions unless --force is given: the data set needs its own
names, and its counts are exact only on its own. Pending actions are dated relative to now, each at least 6 hours
(grants with a 1-day review timeout) to 12 hours before its deadline: after that the oldest start to expire (the
queue leaves them out, the app's background job expires them); seed again with --force.`;

const SEEDER: Actor = { type: 'cli', id: 'cli:seed-scale' };

class UsageError extends Error {}

function options(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      pending: { type: 'string', default: '100000' },
      audit: { type: 'string', default: '1000000' },
      days: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const whole = (name: 'pending' | 'audit' | 'days' | 'seed', min: number) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < min)
      throw new UsageError(`--${name} must be a whole number of at least ${min}`);
    return value;
  };
  return {
    pending: whole('pending', 0),
    audit: whole('audit', 0),
    days: whole('days', 1),
    seed: whole('seed', 0),
    force: values.force!,
    help: values.help!,
  };
}

async function main() {
  const o = options(process.argv.slice(2));
  if (o.help) return console.log(USAGE);
  if (!process.env.DATABASE_URL) throw new UsageError('DATABASE_URL is not set: name the database to fill');
  const target = databaseTarget();
  const started = performance.now();
  const applied = await migrateDatabase(target);
  log(`${describe(target)}: ${applied.length ? `applied ${applied.length} migrations` : 'schema up to date'}`);

  let writer = await openBulkWriter(target);
  try {
    await makeRoom(writer, o.force);
    await writer.close();

    const password = generatePassword();
    const setupStart = performance.now();
    const workspace = await createWorkspace(SEEDER, password).finally(disconnectDb);
    writer = await openBulkWriter(target);
    const setupEvents = await writer.count('AuditEvent');
    if (setupEvents > o.audit)
      throw new UsageError(`--audit ${o.audit} is below the ${setupEvents} audit events the workspace itself writes`);
    const now = Date.now();
    await backdateWorkspace(writer, now - (o.days + 1) * 86_400_000);
    log(
      `workspace: ${workspace.users.length} people, ${workspace.groups.size} reviewer groups, ${workspace.tools.size} tools, ${workspace.agents.length} agents, ${workspace.agents.reduce((n, a) => n + a.grants.length, 0)} grants, ${setupEvents} audit events (${seconds(setupStart)})`,
    );

    const planStart = performance.now();
    const random = new Random(o.seed);
    const plans = planHistory(
      workspace,
      { pending: o.pending, auditBudget: o.audit - setupEvents, now, historyDays: o.days },
      random,
    );
    log(`planned ${plans.length.toLocaleString('en-US')} calls over ${o.days} days (${seconds(planStart)})`);

    const writeStart = performance.now();
    await writer.prepareForLoad();
    let reported = 0;
    const counts = await writeHistory(plans, new HistoryBuilder(workspace, random), writer, (done) => {
      const tenth = Math.floor((done / plans.length) * 10);
      if (tenth > reported) log(`  ${tenth * 10}% (${seconds(writeStart)})`);
      reported = tenth;
    });
    await writer.finish();
    const writeSeconds = (performance.now() - writeStart) / 1000;
    printSummary(workspace, counts, setupEvents, writeSeconds, started);
  } finally {
    await writer.close();
  }
}

async function makeRoom(writer: BulkWriter, force: boolean) {
  const [users, actions, events] = [
    await writer.count('User'),
    await writer.count('Action'),
    await writer.count('AuditEvent'),
  ];
  if (users + actions === 0) {
    if (events > 0) await writer.wipe(); // an audit log of nothing (e.g. a lone global-stop change): start clean
    return;
  }
  if (!force)
    throw new UsageError(
      `the database is not empty (${users} users, ${actions} actions): use --force to delete every row and seed anew`,
    );
  log(`--force: deleting ${users} users, ${actions} actions, ${events} audit events and everything else`);
  await writer.wipe();
}

/**
 * The workspace was created a moment ago, but its history goes back --days: people, tools, agents and grants are
 * dated a day before the first action (and their audit events with them, in order), as if set up then.
 */
async function backdateWorkspace(writer: BulkWriter, at: number) {
  const when = new Date(at);
  await writer.begin();
  for (const [table, columns] of [
    ['User', ['createdAt']],
    ['ReviewerGroup', ['createdAt']],
    ['ReviewerGroupMember', ['addedAt']],
    ['Tool', ['createdAt', 'updatedAt']],
    ['Agent', ['createdAt', 'updatedAt']],
    ['AgentKey', ['createdAt']],
    ['Grant', ['createdAt', 'updatedAt']],
  ] as const) {
    await writer.execute(
      `UPDATE "${table}" SET ${columns.map((c) => `"${c}" = ?`).join(', ')}`,
      columns.map(() => when),
    );
  }
  // Setup events a second apart keep their order, so `at` follows `seq` from the first row on.
  const count = await writer.count('AuditEvent');
  for (let seq = 1; seq <= count; seq++)
    await writer.execute(`UPDATE "AuditEvent" SET "at" = ? WHERE "seq" = ?`, [new Date(at + seq * 1000), seq]);
  await writer.commit();
}

function printSummary(
  workspace: Workspace,
  counts: Awaited<ReturnType<typeof writeHistory>>,
  setupEvents: number,
  writeSeconds: number,
  started: number,
) {
  const n = (value: number) => value.toLocaleString('en-US');
  const statuses = [...counts.byStatus]
    .sort((a, b) => b[1] - a[1])
    .map(([status, count]) => `${status} ${n(count)}`)
    .join(', ');
  console.log('');
  console.log(`actions        ${n(counts.actions)}: ${statuses}`);
  console.log(`approvals      ${n(counts.approvals)} (partial approvals on pending actions included)`);
  console.log(`audit events   ${n(counts.events + setupEvents)} (${n(setupEvents)} from setting up the workspace)`);
  console.log(`hostile text   ${n(counts.hostile)} calls with hidden/markup text or a reason that steers the reviewer`);
  console.log(
    `written in     ${writeSeconds.toFixed(1)} s (${n(Math.round((counts.actions + counts.events) / writeSeconds))} rows/s); total ${seconds(started)}`,
  );
  console.log(
    `sign in as     ${SCALE_ADMIN_EMAIL} (admin) or ${SCALE_REVIEWER_EMAIL} (reviewer, Finance); every seeded person's password: ${workspace.password}`,
  );
}

function describe(target: DatabaseTarget): string {
  return target.provider === 'sqlite' ? `SQLite ${target.file}` : `PostgreSQL ${new URL(target.url).pathname.slice(1)}`;
}

const log = (message: string) => console.error(`[seed:scale] ${message}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

main().catch((error) => {
  process.exitCode = error instanceof UsageError || (error instanceof TypeError && 'code' in error) ? 2 : 1;
  console.error(`[seed:scale] ${error instanceof Error ? error.message : String(error)}`);
  if (process.exitCode === 2) console.error(USAGE);
});
