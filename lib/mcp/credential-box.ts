import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chainSettings } from '../audit/chain/chain-settings';

const KEY_FILE = 'mcp-credentials.key';
const VERSION = 'v1';

/**
 * Upstream credentials at rest: AES-256-GCM under WARDEN_SECRET_KEY (32 bytes, base64 or hex), else a key generated
 * once into the data directory with mode 0600 (as the audit signing key is). Several instances on one PostgreSQL
 * must share the key through the environment. A sealed value is `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
function secretKey(): Buffer {
  const fromEnv = process.env.WARDEN_SECRET_KEY?.trim();
  if (fromEnv) return parseKey(fromEnv, 'WARDEN_SECRET_KEY');
  const file = path.join(chainSettings().dataDir, KEY_FILE);
  try {
    return parseKey(readFileSync(file, 'utf8').trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (raced) {
    if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
  }
  return parseKey(readFileSync(file, 'utf8').trim(), file);
}

function parseKey(text: string, where: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${where} must hold 32 bytes (base64 or hex)`);
  return key;
}

export function sealCredential(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws (without the value) when the sealed text was altered or sealed under another key. */
export function openCredential(sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new Error('The stored MCP credential is not in a known format.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', secretKey(), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The stored MCP credential cannot be opened with this instance’s secret key.');
  }
}
