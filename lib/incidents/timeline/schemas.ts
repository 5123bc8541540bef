import { z } from 'zod';
import { grantRulesSchema } from '../../grants/schemas';
import { TIMELINE_CATEGORIES } from './categories';

/** Input of the workbench's reads and changes: shared by pages, server actions and tests. Client-safe (zod only). */

const id = z.string().trim().min(1).max(100);

export const timelineFilterSchema = z.object({
  category: z
    .enum(
      Object.keys(TIMELINE_CATEGORIES) as [keyof typeof TIMELINE_CATEGORIES, ...(keyof typeof TIMELINE_CATEGORIES)[]],
    )
    .optional(),
  tool: z.string().trim().min(1).max(200).optional(),
  status: z.string().trim().min(1).max(40).optional(),
  /** A user id: traces with an approval or rejection by this person. */
  reviewer: id.optional(),
  /** 1-based page of traces. */
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TimelineFilter = z.input<typeof timelineFilterSchema>;

export const INCIDENT_MARKS = ['needs_follow_up', 'verified_fine', 'rolled_back'] as const;
export type IncidentMarkKind = (typeof INCIDENT_MARKS)[number];
export const INCIDENT_MARK_LABELS: Record<IncidentMarkKind, string> = {
  needs_follow_up: 'Needs follow-up',
  verified_fine: 'Verified fine',
  rolled_back: 'Rolled back',
};

export const MAX_MARKED_AT_ONCE = 500;

export const markIncidentActionsSchema = z.object({
  incidentId: id,
  actionIds: z.array(id).min(1, 'select at least one action').max(MAX_MARKED_AT_ONCE),
  mark: z.enum(INCIDENT_MARKS),
  note: z.string().trim().max(2000).default(''),
});
export type MarkIncidentActionsInput = z.input<typeof markIncidentActionsSchema>;

export const replayIncidentSchema = z.object({
  incidentId: id,
  grantId: id,
  rules: grantRulesSchema,
});
export type ReplayIncidentInput = z.input<typeof replayIncidentSchema>;

export const requestIncidentRollbacksSchema = z.object({
  incidentId: id,
  actionIds: z.array(id).min(1, 'select at least one action').max(50, 'at most 50 rollbacks at once'),
  note: z.string().trim().max(1000).default(''),
});
export type RequestIncidentRollbacksInput = z.input<typeof requestIncidentRollbacksSchema>;
