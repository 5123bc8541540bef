'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { backtestGrant } from '@/lib/grants/backtest-grant';
import { revokeGrant } from '@/lib/grants/revoke-grant';
import { grantRulesSchema } from '@/lib/grants/schemas';
import { updateGrant } from '@/lib/grants/update-grant';
import { runAsUser } from '../../../../run-as-user';

const grantRef = { agentId: z.string().min(1), grantId: z.string().min(1) };
const saveSchema = z.object({ ...grantRef, expectedVersion: z.number().int().min(1), rules: grantRulesSchema });
const impactSchema = z.object({ ...grantRef, rules: grantRulesSchema, days: z.number().int().min(1).max(90) });
const revokeSchema = z.object(grantRef);

/** "Save grant": a compare-and-set on the version the editor started from (a stale one is refused with a conflict). */
export async function saveGrantAction(input: z.input<typeof saveSchema>) {
  return runAsUser(async (actor) => {
    const { agentId, grantId, expectedVersion, rules } = saveSchema.parse(input);
    const saved = await updateGrant(actor, { grantId, expectedVersion, rules });
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
