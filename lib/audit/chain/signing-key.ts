import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chainSettings } from './chain-settings';

export const KEY_FILE = 'audit-signing-key.pem';

export type SigningKey = { privateKey: KeyObject; publicKey: string; keyId: string };

/** A raw Ed25519 public key (base64 of its 32 bytes): what checkpoints carry and what an exported file pins. */
export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x)
    throw new Error('the audit signing key must be an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16);
}

function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey, 'base64').toString('base64url') },
    format: 'jwk',
  });
}

/**
 * The instance's signing key: WARDEN_AUDIT_SIGNING_KEY (PEM), else the file in the data directory, generated on
 * first use with mode 0600 ('wx': two processes racing to create it keep the first one's). Several instances on one
 * PostgreSQL must share one key through the environment, or each signs with its own (see README).
 * `create: false` (verification) never generates a key: it returns null instead.
 */
export function loadSigningKey(options: { create: boolean }): SigningKey | null {
  const settings = chainSettings();
  let pem = settings.signingKeyPem;
  if (!pem) {
    const file = path.join(settings.dataDir, KEY_FILE);
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !options.create) return null;
      mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
      const { privateKey } = generateKeyPairSync('ed25519');
      try {
        writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      } catch (raced) {
        if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      }
      pem = readFileSync(file, 'utf8');
    }
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** The public keys whose signatures count here: this instance's own and WARDEN_AUDIT_TRUSTED_KEYS. */
export function trustedPublicKeys(): Set<string> {
  const own = loadSigningKey({ create: false });
  return new Set([...(own ? [own.publicKey] : []), ...chainSettings().trustedKeys]);
}

export function signMessage(key: SigningKey, message: string): string {
  return sign(null, Buffer.from(message), key.privateKey).toString('base64');
}

export function verifyMessage(publicKey: string, message: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(message), publicKeyObject(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** What a checkpoint signs: the chain position, the event there and its hash, when. */
export function checkpointMessage(c: { chainIndex: number; seq: number; hash: string; signedAtMs: number }): string {
  return `warden-audit-checkpoint/v1\n${c.chainIndex}\n${c.seq}\n${c.hash}\n${c.signedAtMs}`;
}

/** What the head signs: the chain's end as the sealer left it, and the floor below which nothing is unsealed. */
export function headMessage(h: {
  chainIndex: number;
  seq: number;
  hash: string;
  floorSeq: number;
  sealedAtMs: number;
}): string {
  return `warden-audit-head/v1\n${h.chainIndex}\n${h.seq}\n${h.hash}\n${h.floorSeq}\n${h.sealedAtMs}`;
}
