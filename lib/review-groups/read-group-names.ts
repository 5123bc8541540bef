import type { Tx } from '../db/client';

export type GroupNames = Record<string, string>;

/**
 * Every reviewer group's id → today's name (a small table), for showing grants and their history by name: grants
 * and audit payloads keep ids, so a renamed group reads with its new name. The caller has checked permissions.
 */
export async function readGroupNames(client: Pick<Tx, 'reviewerGroup'>): Promise<GroupNames> {
  const groups = await client.reviewerGroup.findMany({ select: { id: true, name: true } });
  return Object.fromEntries(groups.map((group) => [group.id, group.name]));
}
