import { chainSettings } from '../audit/chain/chain-settings';
import { sealSoon } from '../audit/chain/sealer-loop';
import type { JobStep } from './job-step';

/**
 * The backstop of the audit sealer's own loop (lib/audit/chain/sealer-loop.ts), under its `audit-sealer` lease:
 * nothing committed stays unsealed longer than a tick, even if the sealer missed a wake-up.
 */
export const auditSealingBackstopStep: JobStep = {
  name: 'audit sealing',
  run: async ({ owner }) => {
    if (chainSettings().sealerEnabled) await sealSoon(owner);
  },
};
