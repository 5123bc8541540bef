import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * The audit chain on a real PostgreSQL: commit order, not seq order (a lower seq that commits later is sealed later),
 * and verification through the PostgreSQL snapshot. Wipes schema `public` of WARDEN_TEST_POSTGRES_URL's database.
 */
const url = process.env.WARDEN_TEST_POSTGRES_URL;
const skipReason = 'WARDEN_TEST_POSTGRES_URL is not set: the audit chain is not tested on PostgreSQL';
if (!url) console.warn(`[audit-chain.postgresql.test] ${skipReason}`);

describe.skipIf(!url)(
  url ? 'the audit chain on PostgreSQL' : `the audit chain on PostgreSQL (skipped: ${skipReason})`,
  () => {
    const keyDir = mkdtempSync(path.join(tmpdir(), 'warden-pg-chain-'));
    const admin = new pg.Client({ connectionString: url });
    let chain: {
      seal: typeof import('./seal-audit-events').sealAuditEvents;
      verify: typeof import('./verify-audit-chain').verifyAuditChain;
      record: () => Promise<void>;
      disconnect: () => Promise<void>;
    };

    beforeAll(async () => {
      await admin.connect();
      await admin.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
      Object.assign(process.env, { DATABASE_URL: url, WARDEN_DATA_DIR: keyDir, WARDEN_NOTIFY_GAP_GRACE_MS: '60000' });
      vi.resetModules();
      await (await import('../../db/migrate')).migrateDatabase();
      const { db, disconnectDb } = await import('../../db/client');
      const { recordAuditEvent } = await import('../record-audit-event');
      chain = {
        seal: (await import('./seal-audit-events')).sealAuditEvents,
        verify: (await import('./verify-audit-chain')).verifyAuditChain,
        record: () =>
          db().$transaction((tx) =>
            recordAuditEvent(tx, {
              actor: { type: 'system', id: 'pg-test' },
              type: 'tool.enabled',
              payload: { name: 'x' },
            }),
          ),
        disconnect: disconnectDb,
      };
    });
    afterAll(async () => {
      await chain?.disconnect();
      await admin.end();
      rmSync(keyDir, { recursive: true, force: true });
    });

    const chainIndexOf = async (seq: number) =>
      (await admin.query('SELECT "chainIndex" FROM "AuditEvent" WHERE "seq" = $1', [seq])).rows[0].chainIndex as
        number | null;

    it('seals in commit order: a lower seq that commits after a higher one gets the later chain index', async () => {
      await chain.record();
      expect(await chain.seal('pg-owner')).toBe(2); // chain started + the event
      const slow = new pg.Client({ connectionString: url });
      await slow.connect();
      await slow.query('BEGIN');
      const lower = (
        await slow.query(
          `INSERT INTO "AuditEvent" ("at", "actorType", "type", "payload") VALUES (now(), 'system', 'tool.disabled', '{}') RETURNING "seq"`,
        )
      ).rows[0].seq as number;
      await chain.record();
      expect(await chain.seal('pg-owner')).toBe(1);
      expect(await chainIndexOf(lower + 1)).toBe(3);
      await slow.query('COMMIT');
      await slow.end();
      expect(await chain.seal('pg-owner')).toBe(1);
      expect(await chainIndexOf(lower)).toBe(4);
      const head = (await admin.query('SELECT "floorSeq" FROM "AuditChainHead"')).rows[0];
      expect(head.floorSeq).toBe(lower + 1);
      expect(await chain.verify()).toMatchObject({ ok: true, events: 4, unsealed: 0, problem: null });
    });

    it('verification through the PostgreSQL snapshot names an edited event', async () => {
      for (let i = 0; i < 5; i++) await chain.record();
      expect(await chain.seal('pg-owner')).toBe(5);
      const victim = (await admin.query('SELECT "seq" FROM "AuditEvent" WHERE "chainIndex" = 6')).rows[0].seq as number;
      await admin.query(`UPDATE "AuditEvent" SET "at" = "at" + interval '1 millisecond' WHERE "seq" = $1`, [victim]);
      expect((await chain.verify()).problem).toMatchObject({ seq: victim, reason: 'its fields do not match its hash' });
    });
  },
);
