'use server';

import type { z } from 'zod';
import { simulateProposal, simulateProposalSchema } from '@/lib/grants/simulate-proposal';
import { runAsUser } from '../../run-as-user';

/** "Simulate": the gate's answer for this call on the current state. Records nothing, so nothing to revalidate. */
export async function simulateCallAction(input: z.input<typeof simulateProposalSchema>) {
  return runAsUser(async (actor) => simulateProposal(actor, simulateProposalSchema.parse(input)));
}
