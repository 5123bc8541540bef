import { z } from 'zod';
import type { AuditEventType } from '../event-types';
import { text, nullableText, texts, snapshot } from './fields';

/** People: users, their sign-ins and roles, and the reviewer groups they belong to (lib/users/, lib/review-groups/). */
export const peoplePayloads = {
  'user.created': z.strictObject({ email: text, roles: texts }),
  // People (issue 12): who changed whom; never a password, only that one was issued.
  'user.roles_changed': z.strictObject({ email: text, before: texts, after: texts }),
  'user.disabled': z.strictObject({ email: text }),
  'user.enabled': z.strictObject({ email: text }),
  'user.password_reset': z.strictObject({ email: text, expiresAt: text }),
  'user.password_changed': z.strictObject({ email: text }),
  'user.signed_out_everywhere': z.strictObject({ email: text }),
  'user.signed_in_sso': z.strictObject({
    email: text,
    subject: text,
    roles: texts,
    oneTimePasswordVoided: z.boolean(),
  }),
  'user.sso_refused': z.strictObject({ email: nullableText, subject: text, reason: text }),
  'review_group.created': z.strictObject({ name: text }),
  'review_group.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'review_group.member_added': z.strictObject({ group: text, email: text }),
  'review_group.member_removed': z.strictObject({ group: text, email: text }),
  'review_group.deleted': z.strictObject({ name: text, members: texts }),
} satisfies Partial<Record<AuditEventType, z.ZodType>>;
