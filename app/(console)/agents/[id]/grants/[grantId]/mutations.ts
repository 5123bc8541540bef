'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveGrantChange } from '@/lib/grants/approve-grant-change';
import { backtestGrant } from '@/lib/grants/backtest-grant';
import { rejectGrantChange } from '@/lib/grants/reject-grant-change';
import { revokeGrant } from '@/lib/grants/revoke-grant';
import { grantRulesSchema } from '@/lib/grants/schemas';
import { updateGrant } from '@/lib/grants/update-grant';
import { defineMutation } from '../../../../define-mutation';

const grantRef = { agentId: z.string().min(1), grantId: z.string().min(1) };
const saveSchema = z.object({
  ...grantRef,
  expectedVersion: z.number().int().min(1),
  rules: grantRulesSchema,
  confirmLoosening: z.boolean().default(false),
});
const heldChangeSchema = z.object({
  agentId: z.string().min(1),
  changeRequestId: z.string().min(1),
  note: z.string().max(1000).optional(),
});
const impactSchema = z.object({ ...grantRef, rules: grantRulesSchema, days: z.number().int().min(1).max(90) });
const revokeSchema = z.object(grantRef);

/**
 * "Save grant": a compare-and-set on the version the editor started from (a stale one is refused with a conflict).
 * A loosening needs `confirmLoosening`; an owner's is then held for an admin (`held` in the result).
 */
export const saveGrantMutation = defineMutation({
  name: 'saveGrantMutation',
  input: saveSchema,
  run: async (actor, { agentId, grantId, expectedVersion, rules, confirmLoosening }) => {
    const saved = await updateGrant(actor, { grantId, expectedVersion, rules, confirmLoosening });
    revalidatePath(`/agents/${agentId}`, 'layout');
    return saved;
  },
});

/** "Check impact": replays recorded proposals under the edited rules; changes nothing. */
export const checkGrantImpactMutation = defineMutation({
  name: 'checkGrantImpactMutation',
  input: impactSchema,
  run: async (actor, { grantId, rules, days }) => {
    return backtestGrant(actor, { grantId, rules, days });
  },
});

export const revokeGrantMutation = defineMutation({
  name: 'revokeGrantMutation',
  input: revokeSchema,
  run: async (actor, { agentId, grantId }) => {
    await revokeGrant(actor, grantId);
    revalidatePath(`/agents/${agentId}`, 'layout');
    return { agentId };
  },
});

/** An admin applies an owner's held loosening (refused as stale if the grant moved since). */
export const approveGrantChangeMutation = defineMutation({
  name: 'approveGrantChangeMutation',
  input: heldChangeSchema,
  run: async (actor, { agentId, changeRequestId }) => {
    try {
      return await approveGrantChange(actor, { changeRequestId });
    } finally {
      revalidatePath(`/agents/${agentId}`, 'layout'); // a stale one is marked even when refused
    }
  },
});

export const rejectGrantChangeMutation = defineMutation({
  name: 'rejectGrantChangeMutation',
  input: heldChangeSchema,
  run: async (actor, { agentId, changeRequestId, note }) => {
    await rejectGrantChange(actor, { changeRequestId, note });
    revalidatePath(`/agents/${agentId}`, 'layout');
    return { changeRequestId };
  },
});
