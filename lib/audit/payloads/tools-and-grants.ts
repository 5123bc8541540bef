import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, snapshot } from './fields';

/** Tools, the grants that let agents call them, and the admin floors under grants (lib/tools/, grants/, floors/). */
export const toolAndGrantPayloads = {
  'tool.created': z.strictObject({ name: text, actionLevel: text }),
  'tool.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'tool.enabled': z.strictObject({ name: text }),
  'tool.disabled': z.strictObject({ name: text }),
  'grant.created': z.strictObject({ tool: text, version: z.number(), after: snapshot }),
  'grant.updated': z.strictObject({
    tool: text,
    version: z.number(),
    before: snapshot,
    after: snapshot,
    loosened: texts.optional(),
    changeRequestId: text.optional(),
  }),
  'grant.revoked': z.strictObject({ tool: text, before: snapshot }),
  // Admin floors and held grant changes (lib/floors, lib/grants): a loosening by an owner waits for an admin.
  'floor.set': z.strictObject({ scope: text, before: z.number().nullable(), after: z.number().nullable() }),
  'grant.change_held': z.strictObject({
    tool: text,
    changeRequestId: text,
    baseVersion: z.number(),
    loosened: texts,
    before: snapshot,
    after: snapshot,
  }),
  'grant.change_approved': z.strictObject({
    tool: text,
    changeRequestId: text,
    version: z.number(),
    requestedBy: text,
  }),
  'grant.change_rejected': z.strictObject({ tool: text, changeRequestId: text, note: nullableText }),
  'grant.change_stale': z.strictObject({
    tool: text,
    changeRequestId: text,
    baseVersion: z.number(),
    version: z.number().nullable(),
  }),
  // A rollback restored an agent's grants as of an earlier time (lib/rollback): each changed grant also has its
  // grant.updated.
  'grants.restored': z.strictObject({ asOf: text, changed: texts }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
