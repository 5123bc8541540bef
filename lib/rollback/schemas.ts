import { z } from 'zod';
import { ACTION_STATUSES } from '../policy/action-status';

/** Query of the agent's rollback list. Client-safe: zod and policy constants only. */
export const listRollbacksQuerySchema = z.object({
  status: z.enum(ACTION_STATUSES, { error: `status must be one of ${ACTION_STATUSES.join(', ')}` }).optional(),
});

export const requestRollbackSchema = z.object({
  actionId: z.string().trim().min(1, 'actionId is required'),
  note: z.string().trim().max(1000).optional(),
});

export const manualRollbackSchema = z.object({
  actionId: z.string().trim().min(1, 'actionId is required'),
  note: z.string().trim().min(1, 'say what was done to undo it').max(2000),
});

export const grantRestoreSchema = z.object({
  agentId: z.string().trim().min(1, 'agentId is required'),
  asOf: z.coerce.date({ error: 'asOf: a date and time' }),
});
