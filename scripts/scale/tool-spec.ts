import type { ActionLevel } from '@/lib/policy/action-levels';
import type { Random } from './random';

/** What a tool of the scale data set is, and what one call of it holds (the catalog itself: tool-catalog.ts). */

/** Who a call is about: the same person shows up across tools and traces. */
export type Subject = { first: string; last: string; email: string; customerId: string; company: string };

export type Call = {
  params: Record<string, unknown>;
  /** The record's values as the agent read them (update tools), for the before/after diff. */
  currentValues?: Record<string, unknown>;
  reason: string;
  sources: Source[];
};
export type Source = { title: string; url?: string; excerpt?: string };

export type ToolSpec = {
  name: string;
  actionLevel: ActionLevel;
  description: string;
  summaryTemplate: string;
  supportsRollback?: boolean;
  sensitiveFields?: string[];
  parameters: Record<string, unknown>;
  /** The free-text parameter a hostile agent would hide text in (null: the call has none). */
  textParam: string | null;
  call: (r: Random, who: Subject) => Call;
};
