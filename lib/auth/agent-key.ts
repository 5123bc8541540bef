import { createHash, randomBytes } from 'node:crypto';

/**
 * Agent keys: "wdn_" + 256 random bits. Only the SHA-256 is stored (a key this random needs no slow hash),
 * plus a short prefix so people can tell keys apart.
 */
export const AGENT_KEY_PREFIX = 'wdn_';

export function generateAgentKey(): { key: string; hash: string; prefix: string } {
  const key = AGENT_KEY_PREFIX + randomBytes(32).toString('base64url');
  return { key, hash: hashAgentKey(key), prefix: key.slice(0, AGENT_KEY_PREFIX.length + 6) };
}

export function hashAgentKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
