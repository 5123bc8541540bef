import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { useSqliteTestDatabase } from '../../db/sqlite-test-database';
import { recordTestEvents } from './record-test-events';

const database = useSqliteTestDatabase('warden-seal-');
const record = (count: number) => recordTestEvents(database.client, count);

async function verify() {
  const { verifyAuditChain } = await import('./verify-audit-chain');
  return verifyAuditChain();
}

describe('the audit sealer', () => {
  test('starts the chain with audit.chain_started (first even behind a backlog larger than a batch), seals every committed event and the verifier agrees', async () => {
    process.env.WARDEN_AUDIT_CHECKPOINT_EVENTS = '100';
    await record(1500);
    const { sealAuditEvents } = await import('./seal-audit-events');
    expect(await sealAuditEvents('test-owner')).toBe(1501);
    const first = await database.client.auditEvent.findFirstOrThrow({ where: { chainIndex: 1 } });
    expect(first.type).toBe('audit.chain_started');
    expect(JSON.parse(first.payload)).toEqual({ earlierEvents: 1500 });

    await record(7);
    expect(await sealAuditEvents('test-owner')).toBe(7);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, events: 1508, unsealed: 0, problem: null });
    expect(result.checkpoints).toBe(16); // the start, and every 100 events
    process.env.WARDEN_AUDIT_CHECKPOINT_EVENTS = '10';
  });

  test('another owner gets no lease while it is held', async () => {
    await record(1);
    const { sealAuditEvents } = await import('./seal-audit-events');
    expect(await sealAuditEvents('someone-else')).toBeNull();
    expect(await sealAuditEvents('test-owner')).toBe(1);
  });

  test('with nothing new to seal, a checkpoint is signed at the tip once the last one is M minutes old', async () => {
    await record(3);
    const { sealAuditEvents } = await import('./seal-audit-events');
    expect(await sealAuditEvents('test-owner')).toBe(3);
    const head = await database.client.auditChainHead.findUniqueOrThrow({ where: { id: 'main' } });
    expect(await database.client.auditCheckpoint.count({ where: { chainIndex: head.chainIndex } })).toBe(0);
    expect(await sealAuditEvents('test-owner', { now: new Date(Date.now() + 4 * 60_000) })).toBe(0);
    expect(await database.client.auditCheckpoint.count({ where: { chainIndex: head.chainIndex } })).toBe(0);
    expect(await sealAuditEvents('test-owner', { now: new Date(Date.now() + 6 * 60_000) })).toBe(0);
    expect(await database.client.auditCheckpoint.count({ where: { chainIndex: head.chainIndex } })).toBe(1);
    expect((await verify()).ok).toBe(true);
  });

  test('a head event changed behind its back: the sealer records audit.chain_broken, starts a new segment, and verify names the changed seq', async () => {
    const head = await database.client.auditChainHead.findUniqueOrThrow({ where: { id: 'main' } });
    const edit = new Database(database.file);
    edit.prepare(`UPDATE "AuditEvent" SET "payload" = '{"name":"forged"}' WHERE "seq" = ?`).run(head.seq);
    edit.close();
    await record(2);
    const { sealAuditEvents } = await import('./seal-audit-events');
    expect(await sealAuditEvents('test-owner')).toBe(3);
    const broken = await database.client.auditEvent.findFirstOrThrow({ where: { type: 'audit.chain_broken' } });
    expect(broken.chainIndex).toBe(head.chainIndex + 1);
    expect(await database.client.auditCheckpoint.count({ where: { chainIndex: broken.chainIndex! } })).toBe(1);
    const result = await verify();
    expect(result.problem).toMatchObject({ seq: head.seq });
  });
});
