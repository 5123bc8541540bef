import type { DatabaseTarget } from '../../env';
import { openChainSnapshot } from './chain-snapshot';
import { trustedPublicKeys } from './signing-key';
import { verifyChain, type ChainVerification, type ExportedCheckpoint } from './verify-chain';

/**
 * Verifies the audit chain of the database (DATABASE_URL, or `target`) against this instance's keys and
 * WARDEN_AUDIT_TRUSTED_KEYS, or — off the box — against checkpoints exported earlier (`pinned`), whose keys then
 * count too. Reads only. A chain nobody can check (no key here, none pinned) is refused rather than passed.
 */
export async function verifyAuditChain(
  options: { target?: DatabaseTarget; pinned?: ExportedCheckpoint[] } = {},
): Promise<ChainVerification> {
  const trustedKeys = trustedPublicKeys();
  const snapshot = await openChainSnapshot(options.target);
  try {
    // Before the first seal there is no key yet, and nothing signed to check it against.
    if (trustedKeys.size === 0 && !options.pinned?.length && (await snapshot.head())) {
      throw new Error(
        'no audit signing key here to verify against: set WARDEN_AUDIT_SIGNING_KEY or WARDEN_AUDIT_TRUSTED_KEYS, or pass --checkpoints FILE',
      );
    }
    return await verifyChain(snapshot, { trustedKeys, pinned: options.pinned });
  } finally {
    await snapshot.close();
  }
}
