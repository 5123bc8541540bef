import type { Tx } from '../db/client';
import { WardenError } from '../errors';

export async function readRequest(tx: Tx, requestId: string) {
  const request = await tx.returnToNormalRequest.findUnique({ where: { id: requestId } });
  if (!request) throw new WardenError('not_found', 'No such return-to-normal request.');
  return request;
}

/** Who asked, by e-mail for the audit (a person reading the log knows them by it). */
export async function requesterEmail(tx: Tx, requestedById: string | null): Promise<string | null> {
  if (!requestedById) return null;
  return (await tx.user.findUnique({ where: { id: requestedById }, select: { email: true } }))?.email ?? requestedById;
}
