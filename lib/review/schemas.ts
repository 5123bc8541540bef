import { z } from 'zod';
import { ACTION_LEVELS, type ActionLevel } from '../policy/action-levels';
import { RISK_FLAG_CODES, type RiskFlagCode } from './assess-risk';

/** The review queue's filters and its batch decision. Client-safe: zod and pure constants only. */
export const QUEUE_AGES = { '15m': 15, '1h': 60, '4h': 240 } as const;
export type QueueAge = keyof typeof QUEUE_AGES;
export const QUEUE_AGE_LABELS: Record<QueueAge, string> = {
  '15m': 'Older than 15 min',
  '1h': 'Older than 1 h',
  '4h': 'Older than 4 h',
};

const RISK_CODES = RISK_FLAG_CODES as [RiskFlagCode, ...RiskFlagCode[]];
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) =>
  z.preprocess(first, z.string().trim().max(max).optional()).transform((value) => value || undefined);

/**
 * Filters as they come in the URL (?agent=&tool=&level=&risk=&requester=&age=&mine=1). A value that is not one of
 * the known choices is dropped (the queue shows unfiltered by it, and the menu shows "All"), never an error page.
 */
export const queueFilterSchema = z.object({
  agent: text(200).catch(undefined),
  tool: text(200).catch(undefined),
  level: z.preprocess(first, z.enum(ACTION_LEVELS).optional()).catch(undefined),
  risk: z.preprocess(first, z.enum(RISK_CODES).optional()).catch(undefined),
  requester: text(200).catch(undefined),
  age: z.preprocess(first, z.enum(Object.keys(QUEUE_AGES) as [QueueAge, ...QueueAge[]]).optional()).catch(undefined),
  mine: z
    .preprocess(first, z.literal('1').optional())
    .catch(undefined)
    .transform((value) => value === '1'),
  trace: text(100).catch(undefined),
});
export type QueueFilter = {
  agent?: string;
  tool?: string;
  level?: ActionLevel;
  risk?: RiskFlagCode;
  requester?: string;
  age?: QueueAge;
  /** Only actions waiting for me. */
  mine?: boolean;
  /** Only the actions of one trace (the agent's run), e.g. to decide them together. */
  trace?: string;
};

export const batchDecisionSchema = z.object({
  actionIds: z
    .array(z.string().min(1).max(100))
    .min(1, 'choose at least one action')
    .max(100, 'at most 100 actions at once')
    .refine((ids) => new Set(ids).size === ids.length, 'each action only once'),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(2000).optional(),
});
export type BatchDecisionInput = z.input<typeof batchDecisionSchema>;
