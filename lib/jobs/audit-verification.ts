import { chainSettings } from '../audit/chain/chain-settings';
import { verifyAuditChainIfDue } from '../audit/chain/record-audit-verification';
import type { JobStep } from './job-step';

/** Verifies the audit chain when the last recorded check is older than its interval (`verifyMs`). */
export const auditVerificationStep: JobStep = {
  name: 'audit verification',
  run: () => verifyAuditChainIfDue(chainSettings().verifyMs),
};
