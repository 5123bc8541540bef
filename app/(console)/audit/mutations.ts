'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { recordAuditVerification } from '@/lib/audit/chain/record-audit-verification';
import { defineMutation } from '../define-mutation';

/** "Verify now": an admin checks the whole chain; the result is recorded for the page (the page itself only reads). The data is the note to show. */
export const verifyAuditChainMutation = defineMutation({
  name: 'verifyAuditChainMutation',
  input: z.void(),
  run: async (actor) => {
    const result = await recordAuditVerification(actor);
    revalidatePath('/audit');
    return result.ok ? `Verified ${result.events} events.` : 'Verification found a problem (shown above).';
  },
});
