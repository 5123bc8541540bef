import { db } from '../../db/client';
import { keyIdOf, loadSigningKey } from './signing-key';
import type { ExportedCheckpoint } from './verify-chain';

export type CheckpointExport = {
  format: 'warden-audit-checkpoints/v1';
  exportedAt: string;
  /** This instance's public key (raw Ed25519, base64); each checkpoint also names the key that signed it. */
  publicKey: string | null;
  keyId: string | null;
  checkpoints: ExportedCheckpoint[];
};

/**
 * Every signed checkpoint with its key, as JSON to keep off the box. Later, `audit verify --checkpoints FILE` checks
 * a database (or a copy) against it: each checkpoint must still be in the chain with the same hash, signed by its key.
 */
export async function exportCheckpoints(): Promise<CheckpointExport> {
  const own = loadSigningKey({ create: false });
  const rows = await db().auditCheckpoint.findMany({ orderBy: { chainIndex: 'asc' } });
  return {
    format: 'warden-audit-checkpoints/v1',
    exportedAt: new Date().toISOString(),
    publicKey: own?.publicKey ?? null,
    keyId: own ? keyIdOf(own.publicKey) : null,
    checkpoints: rows.map((c) => ({
      chainIndex: c.chainIndex,
      seq: c.seq,
      hash: c.hash,
      signedAt: c.signedAt.toISOString(),
      keyId: c.keyId,
      publicKey: c.publicKey,
      signature: c.signature,
    })),
  };
}
