import { describe, expect, it } from 'vitest';
import { prepareSql } from './typed-sql';

describe('prepareSql: typed statements compiled once, bound per call', () => {
  const pendingOf = prepareSql((db, p: { agentId: string; since: Date }) =>
    db
      .selectFrom('Action')
      .select(['id', 'expiresAt'])
      .where('agentId', '=', p.agentId)
      .where('status', '=', 'pending_review')
      .where('createdAt', '>=', p.since),
  );

  it("binds each call's values in the compiled order, constants in place, with both dialects' texts", () => {
    const since = new Date('2026-01-01T00:00:00Z');
    const statement = pendingOf({ agentId: 'agent-1', since });
    expect(statement.sql).toBe(
      'select "id", "expiresAt" from "Action" where "agentId" = ? and "status" = ? and "createdAt" >= ?',
    );
    expect(statement.text).toBe(
      'select "id", "expiresAt" from "Action" where "agentId" = $1 and "status" = $2 and "createdAt" >= $3',
    );
    expect(statement.values).toEqual(['agent-1', 'pending_review', since]);
    const again = pendingOf({ agentId: 'agent-2', since });
    expect(again.sql).toBe(statement.sql); // the same text: compiled once (and prepared once by the drivers)
    expect(again.values).toEqual(['agent-2', 'pending_review', since]);
  });
});
