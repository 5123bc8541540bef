import { rawDate } from '../db/raw-values';
import { inTransaction, runOutsideTransaction, sql } from '../db/sql-runner';
import { WardenError } from '../errors';
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

  // Raw: this runs on every agent request (see lib/gate/read-gate-row.ts for why the hot path avoids model queries).
  const rows = await runOutsideTransaction((runner) =>
    runner.query<{
      id: string;
      revokedAt: unknown;
      expiresAt: unknown;
      lastUsedAt: unknown;
      agentId: string;
      agentName: string;
    }>(sql`
      SELECT k."id", k."revokedAt", k."expiresAt", k."lastUsedAt", a."id" AS "agentId", a."name" AS "agentName"
      FROM "AgentKey" k JOIN "Agent" a ON a."id" = k."agentId"
      WHERE k."hash" = ${hashAgentKey(key)} AND a."archivedAt" IS NULL`),
  );
  const found = rows[0];
  const record = found && {
    id: found.id,
    revokedAt: rawDate(found.revokedAt),
    expiresAt: rawDate(found.expiresAt),
    lastUsedAt: rawDate(found.lastUsedAt),
    agent: { id: found.agentId, name: found.agentName },
  };
  const now = new Date();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) throw unauthenticated();

  // Last-used is informational: written at most once a minute per key, so the hot path stays read-only.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await inTransaction((runner) =>
      runner.execute(sql`UPDATE "AgentKey" SET "lastUsedAt" = ${now} WHERE "id" = ${record.id}`),
    );
  }
  return { type: 'agent', id: record.agent.id, name: record.agent.name, keyId: record.id };
}

function unauthenticated(): WardenError {
  return new WardenError('unauthenticated', 'A valid agent key is required: send "Authorization: Bearer <key>".');
}
