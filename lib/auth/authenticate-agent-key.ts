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
export function authenticateAgentKey(authorization: string | null): Promise<Extract<Actor, { type: 'agent' }>> {
  return authenticateKeyHash(presentedKeyHash(authorization));
}

/**
 * The hash of the agent key an Authorization header presents, or null when it presents none (no header, another
 * scheme, not a Warden key). Says nothing about whether the key is good: that is authenticateKeyHash's to tell.
 */
export function presentedKeyHash(authorization: string | null): string | null {
  const key = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return key?.startsWith(AGENT_KEY_PREFIX) ? hashAgentKey(key) : null;
}

/** As authenticateAgentKey, for a key already hashed by presentedKeyHash (null: no key, a 401 like any bad key). */
export async function authenticateKeyHash(hash: string | null): Promise<Extract<Actor, { type: 'agent' }>> {
  if (!hash) throw unauthenticated();

  // Plain SQL: this runs on every agent request (see lib/gate/read-gate-row.ts for why the hot path avoids model queries).
  const [record] = decodeRows<RowOf<typeof agentKeySql>>(
    await runOutsideTransaction((runner) => runner.query(agentKeySql({ hash }))),
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
