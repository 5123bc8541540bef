import type { Tx } from '../db/client';
import { WardenError } from '../errors';

/** Looks an agent up by id or by its unique name (the CLI speaks names, the console ids). */
export async function findAgentOrThrow(tx: Tx, ref: { id?: string; name?: string }) {
  const agent = ref.id
    ? await tx.agent.findUnique({ where: { id: ref.id } })
    : ref.name
      ? await tx.agent.findUnique({ where: { name: ref.name } })
      : null;
  if (!agent) throw new WardenError('not_found', `No agent ${ref.name ? `named "${ref.name}"` : 'with that id'}.`);
  return agent;
}
