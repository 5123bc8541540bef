import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';
import type { AuditEventInput } from './record-audit-event';
import { readAuditPayload } from './read-audit-payload';

describe('readAuditPayload', () => {
  it('types a payload that fits its schema, keeping it as recorded (key order included)', () => {
    const read = readAuditPayload(
      'gate.decided',
      '{"reasons":["amount 900 > 500: review"],"outcome":"pending_review"}',
    );
    expect(read.unparsed).toBe(false);
    if (read.unparsed) return;
    expect(read.payload.outcome).toBe('pending_review');
    expect(Object.keys(read.payload)).toEqual(['reasons', 'outcome']);
  });

  it.each([
    ['an older shape (a field missing)', 'action.escalated', '{"toGroup":"finance"}', /automatic/],
    ['a key the schema does not name', 'tool.enabled', '{"name":"x","by":"y"}', /by/],
    [
      'a field of another kind',
      'action.approval_recorded',
      '{"comment":null,"approvals":"1","required":2}',
      /approvals/,
    ],
    [
      'an unknown event type',
      'action.legacy_note',
      '{"note":"x"}',
      /no schema for the event type "action.legacy_note"/,
    ],
    ['text that is not JSON', 'agent.paused', 'reason: loop', /not JSON/],
  ])('never throws on %s: unparsed, raw and flagged with what did not fit', (_, type, raw, problem) => {
    const read = readAuditPayload(type, raw);
    expect(read).toMatchObject({ type, unparsed: true, raw });
    if (!read.unparsed) return;
    expect(read.problem).toMatch(problem);
  });

  it('names where a payload did not fit, never the value that was there', () => {
    const read = readAuditPayload(
      'action.approval_recorded',
      '{"comment":null,"approvals":"SECRET-4111","required":2}',
    );
    expect(read.unparsed && read.problem).toMatch(/^approvals: /);
    expect(read.unparsed && read.problem).not.toContain('SECRET');
  });

  it('adds nothing to a masked value', () => {
    const recorded =
      '{"version":2,"changes":[{"path":"iban","before":"••••","after":"••••"}],"paramsHash":"h","comment":null}';
    const read = readAuditPayload('action.params_edited', recorded);
    expect(JSON.stringify(read.payload)).toBe(recorded);
  });
});

/**
 * A row in an older shape (written through the normal recording path with a cast, as old code wrote it; the sealed
 * log is never rewritten) reads everywhere people see payloads: shown raw and flagged, never a crash.
 */
describe.each(TEST_DATABASES)('every reader on %s, with rows in older shapes', (kind) => {
  useTestDatabase(kind, 'warden-read-audit-payload');
  let w: typeof import('../seed/test-world');
  let admin: Awaited<ReturnType<typeof import('../seed/test-world').person>>;
  let agent: Awaited<ReturnType<typeof import('../seed/test-world').agentWithRefundTool>>['agent'];
  let actionId: string;

  beforeAll(async () => {
    w = await import('../seed/test-world');
    const { db } = await import('../db/client');
    const { recordAuditEvents } = await import('./record-audit-event');
    const { prismaRunner } = await import('../db/sql-runner');
    admin = await w.person(['admin']);
    const world = await w.agentWithRefundTool({ rules: { approvals: 1 } });
    agent = world.agent;
    actionId = await w.propose(agent, world.tool, 'pending_review');
    const old = [
      // An escalation as an early build recorded it: the group's name only.
      { actor: admin, actionId, agentId: agent.id, type: 'action.escalated', payload: { toGroup: 'finance' } },
      // A type no longer written.
      { actor: admin, actionId, agentId: agent.id, type: 'action.legacy_note', payload: { note: 'kept' } },
    ] as unknown as AuditEventInput[];
    await db().$transaction((tx) => recordAuditEvents(prismaRunner(tx), old));
  });

  it('the audit log lists them flagged, with the raw text, beside typed rows', async () => {
    const { listAuditEvents } = await import('./list-audit-events');
    const page = await listAuditEvents(admin, { actionId });
    const byType = new Map(page.events.map((event) => [event.type, event]));
    expect(byType.get('gate.decided')).toMatchObject({ unparsed: false, payload: { outcome: 'pending_review' } });
    expect(byType.get('action.escalated')).toMatchObject({ unparsed: true, raw: '{"toGroup":"finance"}' });
    expect(byType.get('action.legacy_note')).toMatchObject({ unparsed: true, payload: { note: 'kept' } });
  });

  it('the export carries them as recorded, flagged, in CSV and JSONL', async () => {
    const { exportAuditEvents } = await import('./export-audit-events');
    const { toCsvLine, toJsonLine } = await import('./audit-export-format');
    const lines: { csv: string; json: Record<string, unknown> }[] = [];
    for await (const page of await exportAuditEvents(admin, { actionId }, 'jsonl'))
      for (const row of page)
        lines.push({ csv: toCsvLine(row), json: JSON.parse(toJsonLine(row)) as Record<string, unknown> });
    const legacy = lines.find(({ json }) => json.type === 'action.legacy_note')!;
    expect(legacy.json).toMatchObject({ unparsed: true, payload: { note: 'kept' } });
    expect(legacy.csv).toContain('unparsed payload (no schema for the event type ""action.legacy_note"")');
    const decided = lines.find(({ json }) => json.type === 'gate.decided')!;
    expect(decided.json).not.toHaveProperty('unparsed');
  });

  it("the action page's trail shows them, and still reads the typed events", async () => {
    const { getActionForReview } = await import('../actions/get-action-for-review');
    const view = await getActionForReview(admin, actionId);
    expect(view.events.filter((event) => event.unparsed).map((event) => event.type)).toEqual([
      'action.escalated',
      'action.legacy_note',
    ]);
  });

  it('the evidence bundle keeps them as recorded, flagged', async () => {
    const { collectEvidence } = await import('../evidence/collect-evidence');
    const evidence = await collectEvidence(admin, {
      agentNames: [agent.name],
      from: new Date(Date.now() - 3600_000),
      to: new Date(Date.now() + 3600_000),
    });
    expect(evidence.events.find((event) => event.type === 'action.escalated')).toMatchObject({
      payload: { toGroup: 'finance' },
      unparsed: true,
      problem: expect.stringContaining('automatic') as unknown,
    });
  });
});
