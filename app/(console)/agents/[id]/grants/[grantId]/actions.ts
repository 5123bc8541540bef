'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { approveGrantChange } from '@/lib/grants/approve-grant-change';
import { backtestGrant } from '@/lib/grants/backtest-grant';
import { rejectGrantChange } from '@/lib/grants/reject-grant-change';
import { revokeGrant } from '@/lib/grants/revoke-grant';
import { grantRulesSchema } from '@/lib/grants/schemas';
import { updateGrant } from '@/lib/grants/update-grant';
import { runAsUser } from '../../../../run-as-user';

const grantRef = { agentId: z.string().min(1), grantId: z.string().min(1) };
const saveSchema = z.object({ ...grantRef, expectedVersion: z.number().int().min(1), rules: grantRulesSchema, confirmLoosening: z.boolean().default(false) });
const heldChangeSchema = z.object({ agentId: z.string().min(1), changeRequestId: z.string().min(1), note: z.string().max(1000).optional() });
const impactSchema = z.object({ ...grantRef, rules: grantRulesSchema, days: z.number().int().min(1).max(90) });
const revokeSchema = z.object(grantRef);

/**
 * "Save grant": a compare-and-set on the version the editor started from (a stale one is refused with a conflict).
 * A loosening needs `confirmLoosening`; an owner's is then held for an admin (`held` in the result).
 */
export async function saveGrantAction(input: z.input<typeof saveSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, grantId, expectedVersion, rules, confirmLoosening } = saveSchema.parse(input);
    const saved = await updateGrant(actor, { grantId, expectedVersion, rules, confirmLoosening });
    revalidatePath(`/agents/${agentId}`, 'layout');
    return saved;
  });
}

/** "Check impact": replays recorded proposals under the edited rules; changes nothing. */
export async function checkGrantImpactAction(input: z.input<typeof impactSchema>) {
  return runAsUser(async (actor) => {
    const { grantId, rules, days } = impactSchema.parse(input);
    return backtestGrant(actor, { grantId, rules, days });
  });
}

export async function revokeGrantAction(input: z.input<typeof revokeSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, grantId } = revokeSchema.parse(input);
    await revokeGrant(actor, grantId);
    revalidatePath(`/agents/${agentId}`, 'layout');
    return { agentId };
  });
}

/** An admin applies an owner's held loosening (refused as stale if the grant moved since). */
export async function approveGrantChangeAction(input: z.input<typeof heldChangeSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, changeRequestId } = heldChangeSchema.parse(input);
    try {
      return await approveGrantChange(actor, { changeRequestId });
    } finally {
      revalidatePath(`/agents/${agentId}`, 'layout'); // a stale one is marked even when refused
    }
  });
}

export async function rejectGrantChangeAction(input: z.input<typeof heldChangeSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, changeRequestId, note } = heldChangeSchema.parse(input);
    await rejectGrantChange(actor, { changeRequestId, note });
    revalidatePath(`/agents/${agentId}`, 'layout');
    return { changeRequestId };
  });
}
