import { z } from 'zod';

/** Client-safe: the incident forms, server actions, the CLI and lib/incidents parse with these. */
export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/**
 * Containment chosen when the incident opens, all in the opening's transaction: pause the agents, send every proposal
 * to review, turn writes into drafts, revoke the agents' active keys (not undone by the return to normal).
 */
export const CONTAINMENT_OPTIONS = ['pause', 'review-all', 'draft-only', 'revoke-keys'] as const;
export type ContainmentOption = (typeof CONTAINMENT_OPTIONS)[number];

export const CONTAINMENT_LABELS: Record<ContainmentOption, string> = {
  pause: 'Pause the agents',
  'review-all': 'Send every proposal to review',
  'draft-only': 'Draft only: writes become drafts',
  'revoke-keys': 'Revoke their agent keys',
};

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const incidentId = z.string().trim().min(1, 'required').max(100, 'at most 100 characters');
const fallback = z.string().trim().max(2000, 'at most 2,000 characters');
/** An instant with its offset ("2026-12-05T14:00:00+01:00", "…Z"): a window start is never in an unknown zone. */
const instant = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z.iso
    .datetime({ offset: true, message: 'an ISO-8601 time with its offset, e.g. 2026-12-05T14:00:00Z' })
    .transform((text) => new Date(text)),
);

export const openIncidentSchema = z
  .object({
    title: z.string().trim().min(1, 'a title is required').max(200, 'at most 200 characters'),
    severity: z.enum(INCIDENT_SEVERITIES).default('high'),
    /** Agents by id (console) or name (CLI); leave empty with allAgents. */
    agents: z.array(z.string().trim().min(1).max(200)).max(500, 'at most 500 agents').default([]),
    allAgents: z.boolean().default(false),
    windowStart: instant,
    containment: z.array(z.enum(CONTAINMENT_OPTIONS)).max(CONTAINMENT_OPTIONS.length).default([]),
    manualFallback: fallback.default(''),
  })
  .superRefine((input, ctx) => {
    // Zod runs this refinement even when a field failed: read only what parsed.
    if (!Array.isArray(input.agents) || !Array.isArray(input.containment)) return;
    if (input.allAgents && input.agents.length > 0)
      ctx.addIssue({ code: 'custom', path: ['agents'], message: 'name agents or choose all agents, not both' });
    if (!input.allAgents && input.agents.length === 0)
      ctx.addIssue({ code: 'custom', path: ['agents'], message: 'name at least one agent, or choose all agents' });
    if (input.windowStart instanceof Date && input.windowStart.getTime() > Date.now() + 60_000)
      ctx.addIssue({ code: 'custom', path: ['windowStart'], message: 'the window cannot start in the future' });
    if (new Set(input.containment).size !== input.containment.length)
      ctx.addIssue({ code: 'custom', path: ['containment'], message: 'each option once' });
  });
export type OpenIncidentInput = z.input<typeof openIncidentSchema>;

export const closeIncidentSchema = z.object({
  id: incidentId,
  resolution: z.string().trim().min(1, 'a resolution summary is required').max(5000, 'at most 5,000 characters'),
  /** The version the closer saw; omitted (CLI) = whatever is current, still one compare-and-set. */
  version: z.coerce.number().int().positive().optional(),
});
export type CloseIncidentInput = z.input<typeof closeIncidentSchema>;

export const addIncidentNoteSchema = z.object({
  id: incidentId,
  body: z.string().trim().min(1, 'a note cannot be empty').max(5000, 'at most 5,000 characters'),
});
export type AddIncidentNoteInput = z.input<typeof addIncidentNoteSchema>;

export const setIncidentFallbackSchema = z.object({
  id: incidentId,
  manualFallback: fallback,
  version: z.coerce.number().int().positive().optional(),
});
export type SetIncidentFallbackInput = z.input<typeof setIncidentFallbackSchema>;

export const listIncidentsSchema = z.object({
  status: z.enum(INCIDENT_STATUSES).optional(),
});
export type ListIncidentsInput = z.input<typeof listIncidentsSchema>;
