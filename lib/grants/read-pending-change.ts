import type { Tx } from '../db/client';
import { WardenError } from '../errors';
import { grantRulesSchema } from './schemas';

/** A held grant change that is still waiting, with its rules parsed; 404 / 409 otherwise. */
export async function readPendingChange(tx: Tx, changeRequestId: string) {
  const request = await tx.grantChangeRequest.findUnique({ where: { id: changeRequestId } });
  if (!request) throw new WardenError('not_found', 'No such held grant change.');
  if (request.status !== 'pending')
    throw new WardenError('conflict', `This held change is already ${request.status}.`, { status: request.status });
  return { ...request, rules: grantRulesSchema.parse(JSON.parse(request.rules)) };
}
