import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../db/test-databases';

/**
 * Other app instances' changes heard on PostgreSQL (LISTEN/NOTIFY): the audit append notifies at commit, one
 * connection per process listens; when that connection is cut, nothing is lost: once it is back, one read of the
 * audit log catches up what was committed meanwhile. The fallback poll is set to ten minutes, so whatever is heard
 * here within the test came by a notice or by the catch-up. "Another instance" is a plain connection of the test's.
 */
const url = process.env.WARDEN_TEST_POSTGRES_URL;
const skipReason = 'WARDEN_TEST_POSTGRES_URL is not set: LISTEN/NOTIFY between instances is not tested';
if (!url) console.warn(`[other-instances.postgresql.test] ${skipReason}`);
process.env.WARDEN_FALLBACK_POLL_MS = '600000';

describe.skipIf(!url)(url ? 'other instances heard on PostgreSQL' : `other instances (skipped: ${skipReason})`, () => {
  useTestDatabase('postgresql', 'warden-other-instances');
  let w: typeof import('../seed/test-world');
  let realtime: typeof import('./other-instances');
  let watchActionChanges: typeof import('./watch-action-changes').watchActionChanges;
  let actionChanges: typeof import('./action-changes').actionChanges;
  let recordAuditEvent: typeof import('../audit/record-audit-event').recordAuditEvent;
  let db: typeof import('../db/client').db;
  let LISTENER_NAME: string;
  let other: pg.Client;
  let actionId: string;

  beforeAll(async () => {
    w = await import('../seed/test-world');
    realtime = await import('./other-instances');
    ({ watchActionChanges } = await import('./watch-action-changes'));
    ({ actionChanges } = await import('./action-changes'));
    ({ recordAuditEvent } = await import('../audit/record-audit-event'));
    ({ db } = await import('../db/client'));
    ({ LISTENER_NAME } = await import('../db/postgres/notify-listener'));
    other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    const { agent, tool } = await w.agentWithRefundTool();
    actionId = await w.propose(agent, tool, 'pending_review');
  });
  afterAll(async () => {
    await other?.query(`ALTER DATABASE "${await databaseName()}" CONNECTION LIMIT -1`).catch(() => undefined);
    await other?.end();
  });
  const databaseName = async () =>
    (await other.query<{ name: string }>('SELECT current_database() AS name')).rows[0]!.name;

  /** An event about the action committed elsewhere: nothing in this process announces it. */
  const commitElsewhere = () =>
    db().$transaction((tx) => recordAuditEvent(tx, { actor: w.SETUP, type: 'action.opened', payload: {}, actionId }));

  it('wakes a waiter on the action at the commit of its audit event, with ids and kinds only', async () => {
    const notices: import('../db/engine').ChangeNotice[] = [];
    const stop = realtime.onOtherInstances({ notice: (n) => notices.push(n), connected() {}, disconnected() {} });
    await vi.waitFor(() => expect(realtime.hearingOtherInstances()).toBe(true));
    const changes = actionChanges(actionId);
    try {
      const started = Date.now();
      const woken = changes.next(realtime.rereadAfterMs(1000));
      await commitElsewhere();
      await woken;
      expect(Date.now() - started).toBeLessThan(5000); // the poll would have taken ten minutes
      expect(notices).toContainEqual({ seq: expect.any(Number), type: 'action.opened', actionId });
    } finally {
      changes.close();
      stop();
    }
  });

  it('nothing is lost while the connection is down: once back, one read catches up', async () => {
    const log: string[] = [];
    const unwatch = watchActionChanges((ids) => log.push(...[...ids].map((id) => `changed ${id}`)));
    const unlisten = realtime.onOtherInstances({
      notice: () => undefined,
      connected: () => log.push('connected'),
      disconnected: () => log.push('disconnected'),
    });
    const name = await databaseName();
    try {
      await vi.waitFor(() => expect(realtime.hearingOtherInstances()).toBe(true));
      // Cut the listener and keep it out: new connections to the database are refused until the limit is lifted.
      await other.query(`ALTER DATABASE "${name}" CONNECTION LIMIT 0`);
      const cut = await other.query(
        'SELECT pg_terminate_backend(pid) AS "cut" FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
        [LISTENER_NAME],
      );
      expect(cut.rows).toEqual([{ cut: true }]);
      await vi.waitFor(() => expect(log).toContain('disconnected'));
      expect(realtime.hearingOtherInstances()).toBe(false);
      // Committed while nobody listens (by the other connection: this process cannot open one now).
      await other.query(
        `INSERT INTO "AuditEvent" ("at", "actorType", "actorId", "actionId", "type", "payload")
         VALUES (now(), 'system', 'other-instance', $1, 'action.opened', '{}')`,
        [actionId],
      );
      await other.query(`ALTER DATABASE "${name}" CONNECTION LIMIT -1`);
      await vi.waitFor(() => expect(log).toContain(`changed ${actionId}`), { timeout: 15_000 });
      // Reported after the connection came back: by the catch-up, not a poll (ten minutes) nor a notice (none heard).
      expect(log.indexOf('connected')).toBeGreaterThan(log.indexOf('disconnected'));
      expect(log.indexOf(`changed ${actionId}`)).toBeGreaterThan(log.indexOf('connected'));
      expect(realtime.hearingOtherInstances()).toBe(true);
    } finally {
      unlisten();
      unwatch();
    }
  });
});
