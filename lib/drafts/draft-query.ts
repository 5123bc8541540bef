import { z } from 'zod';

/** The Drafts page's URL (?agent=…&tool=…&fate=…&after=…). Client-safe. Unknown values read as "no filter". */
export const DRAFT_FATES = ['undecided', 'promoted', 'discarded'] as const;
export type DraftFilter = { agent?: string; tool?: string; fate?: (typeof DRAFT_FATES)[number] };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = z.preprocess(first, z.string().trim().min(1).max(200).optional().catch(undefined));

const draftQuerySchema = z.object({
  agent: text,
  tool: text,
  fate: z.preprocess(first, z.enum(DRAFT_FATES).optional().catch(undefined)),
  after: z.preprocess(
    first,
    z
      .string()
      .regex(/^[0-9a-zA-Z-]{1,100}$/)
      .optional()
      .catch(undefined),
  ),
});

export function parseDraftQuery(params: Record<string, string | string[] | undefined>): {
  filter: DraftFilter;
  after?: string;
} {
  const { after, ...filter } = draftQuerySchema.parse(params);
  return { filter, after };
}

export function draftsHref(filter: DraftFilter, after?: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, after })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `/drafts?${text}` : '/drafts';
}
