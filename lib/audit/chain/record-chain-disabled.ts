import { db } from '../../db/client';
import { recordAuditEvent } from '../record-audit-event';

/**
 * A process that will not seal says so in the log when it starts: a chain left unsealed is then an audited gap, not
 * a silent one (another instance, or this one restarted with sealing on, seals its events later).
 */
export async function recordChainDisabled(instance: string): Promise<void> {
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actor: { type: 'system', id: 'audit-sealer' },
      type: 'audit.chain_disabled',
      payload: { instance },
    }),
  );
}
