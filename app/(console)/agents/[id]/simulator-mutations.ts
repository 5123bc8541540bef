'use server';

import { simulateProposal, simulateProposalSchema } from '@/lib/grants/simulate-proposal';
import { defineMutation } from '../../define-mutation';

/** "Simulate": the gate's answer for this call on the current state. Records nothing, so nothing to revalidate. */
export const simulateCallMutation = defineMutation({
  name: 'simulateCallMutation',
  input: simulateProposalSchema,
  run: (actor, input) => simulateProposal(actor, input),
});
