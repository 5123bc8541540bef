import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, fields } from './fields';

/**
 * The log about itself (the sealed chain, exports, evidence bundles) and operations on the database (lib/audit/,
 * lib/evidence/, lib/backup/).
 */
export const auditAndOperationsPayloads = {
  // The tamper-evident chain (lib/audit/chain/). Started: the first sealed event; earlier events are sealed after it.
  'audit.chain_started': z.strictObject({ earlierEvents: z.number() }),
  // The sealer found the chain not as it left it; a new segment follows, anchored in a signed checkpoint.
  'audit.chain_broken': z.strictObject({
    reason: text,
    headChainIndex: z.number().nullable(),
    headSeq: z.number().nullable(),
  }),
  // An instance runs with its sealer switched off (WARDEN_AUDIT_SEALER=off): its events wait for another sealer.
  'audit.chain_disabled': z.strictObject({ instance: text }),
  // A verification failed (recorded once per distinct first bad event).
  'audit.verification_failed': z.strictObject({
    firstBadSeq: z.number().nullable(),
    afterSeq: z.number().nullable(),
    problem: text,
  }),
  // Someone downloaded a filtered view of the log (lib/audit/export-audit-events.ts): which filter, which format.
  'audit.exported': z.strictObject({ format: text, filter: z.record(z.string(), z.string()) }),
  // An evidence bundle was built (lib/evidence/build-evidence-bundle.ts): what it selected, how much, its manifest's hash.
  'evidence.exported': z.strictObject({
    selection: fields,
    counts: z.record(z.string(), z.number()),
    manifestSha256: text,
  }),
  // Operations: the SQLite database replaced by a checked backup (`warden restore`), recorded in the restored database;
  // where the backup came from, where the replaced file was kept, what the backup held and which migrations it lacked.
  'database.restored': z.strictObject({
    backupFile: text,
    replacedFileKeptAt: nullableText,
    actions: z.number(),
    auditEvents: z.number(),
    chainIndex: z.number().nullable(),
    appliedMigrations: texts,
  }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
