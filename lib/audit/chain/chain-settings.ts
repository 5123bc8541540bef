import path from 'node:path';
import { z } from 'zod';
import { databaseTarget } from '../../env';

const whole = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  WARDEN_AUDIT_CHECKPOINT_EVENTS: whole(1, 1000),
  WARDEN_AUDIT_CHECKPOINT_MINUTES: whole(1, 5),
  WARDEN_AUDIT_VERIFY_MINUTES: whole(0, 60),
  WARDEN_AUDIT_SEALER: z.enum(['on', 'off']).default('on'),
  WARDEN_AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  WARDEN_AUDIT_TRUSTED_KEYS: z.string().optional(),
  WARDEN_DATA_DIR: z.string().min(1).optional(),
  WARDEN_NOTIFY_GAP_GRACE_MS: whole(0, 10_000),
});

export type ChainSettings = {
  /** A signed checkpoint every this many events… */
  checkpointEvents: number;
  /** …or when the last one is older than this and events were sealed since. */
  checkpointMs: number;
  /** The background verification's period; 0 = only on demand. */
  verifyMs: number;
  sealerEnabled: boolean;
  /** The private key (PEM, PKCS#8), when given in the environment. */
  signingKeyPem: string | null;
  /** Further public keys (base64 raw Ed25519, comma-separated) whose signatures verify: earlier keys after a rotation. */
  trustedKeys: string[];
  /** Where a generated key is kept: WARDEN_DATA_DIR, else the SQLite file's directory, else ./data. */
  dataDir: string;
  /** How long a hole in the sequence may stay open before it is taken as a rolled-back insert (as the notifier). */
  gapGraceMs: number;
};

/** Read on each call (cheap): the CLI and tests set the environment after import. */
export function chainSettings(): ChainSettings {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const e = parsed.data;
  const target = databaseTarget();
  return {
    checkpointEvents: e.WARDEN_AUDIT_CHECKPOINT_EVENTS,
    checkpointMs: e.WARDEN_AUDIT_CHECKPOINT_MINUTES * 60_000,
    verifyMs: e.WARDEN_AUDIT_VERIFY_MINUTES * 60_000,
    sealerEnabled: e.WARDEN_AUDIT_SEALER === 'on',
    signingKeyPem: e.WARDEN_AUDIT_SIGNING_KEY?.replace(/\\n/g, '\n') ?? null,
    trustedKeys: (e.WARDEN_AUDIT_TRUSTED_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    dataDir: path.resolve(e.WARDEN_DATA_DIR ?? (target.provider === 'sqlite' ? path.dirname(target.file) : 'data')),
    gapGraceMs: e.WARDEN_NOTIFY_GAP_GRACE_MS,
  };
}
