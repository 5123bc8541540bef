import { decodeRows } from '../db/decode-row';
import { inTransaction, runOutsideTransaction } from '../db/sql-runner';
import { prepareSql, type RowOf } from '../db/typed-sql';
import { WardenError } from '../errors';
import { noteRequestActor } from '../logging/request-actor';
import type { Actor } from './actor';
import { AGENT_KEY_PREFIX, hashAgentKey } from './agent-key';

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Bearer key → agent actor. Missing, unknown, expired and revoked keys (and any key of an archived agent) all get the
 * same 401, so a caller learns nothing about which keys exist. A revoked key is refused on its very next request (no cache).
 */
export async function authenticateAgentKey(authorization: string | null): Promise<Extract<Actor, { type: 'agent' }>> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const key = match?.[1];
  if (!key || !key.startsWith(AGENT_KEY_PREFIX)) throw unauthenticated();

  // Plain SQL: this runs on every agent request (see lib/gate/read-gate-row.ts for why the hot path avoids model queries).
  const [record] = decodeRows<RowOf<typeof agentKeySql>>(
    await runOutsideTransaction((runner) => runner.query(agentKeySql({ hash: hashAgentKey(key) }))),
    { revokedAt: 'date', expiresAt: 'date', lastUsedAt: 'date' },
  );
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) throw unauthenticated();

  // Last-used is informational: written at most once a minute per key, so the hot path stays read-only.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await inTransaction((runner) => runner.execute(keyUsedSql({ id: record.id, now })));
  }
  // Both transports (the agent API's wrapper and MCP) come through here: the request log learns the agent once.
  noteRequestActor({ type: 'agent', id: record.agentId });
  return { type: 'agent', id: record.agentId, name: record.agentName, keyId: record.id };
}

const agentKeySql = prepareSql((db, p: { hash: string }) =>
  db
    .selectFrom('AgentKey as k')
    .innerJoin('Agent as a', 'a.id', 'k.agentId')
    .select(['k.id', 'k.revokedAt', 'k.expiresAt', 'k.lastUsedAt', 'a.id as agentId', 'a.name as agentName'])
    .where('k.hash', '=', p.hash)
    .where('a.archivedAt', 'is', null),
);

const keyUsedSql = prepareSql((db, p: { id: string; now: Date }) =>
  db.updateTable('AgentKey').set({ lastUsedAt: p.now }).where('id', '=', p.id),
);

function unauthenticated(): WardenError {
  return new WardenError('unauthenticated', 'A valid agent key is required: send "Authorization: Bearer <key>".');
}
