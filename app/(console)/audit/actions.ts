'use server';

import { revalidatePath } from 'next/cache';
import { recordAuditVerification } from '@/lib/audit/chain/record-audit-verification';
import { getUserActor } from '@/lib/auth/get-user-actor';
import { toFormError, type FormResult } from '../errors';

/** "Verify now": an admin checks the whole chain; the result is recorded for the page (the page itself only reads). */
export async function verifyAuditChainNow(): Promise<FormResult> {
  try {
    const actor = await getUserActor();
    if (!actor) return { ok: false, error: 'Your session has ended. Sign in again.' };
    const result = await recordAuditVerification(actor);
    revalidatePath('/audit');
    return result.ok ? { ok: true, message: `Verified ${result.events} events.` } : { ok: true, message: 'Verification found a problem (shown above).' };
  } catch (error) {
    return toFormError(error);
  }
}
