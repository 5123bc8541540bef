import type { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import type { DraftFilter } from './draft-query';

export const DRAFTS_PAGE_SIZE = 50;

export type DraftRow = {
  id: string;
  agentName: string;
  toolName: string;
  createdAt: Date;
  fate: string | null;
  promotedActionId: string | null;
};

/**
 * One page of drafts, newest first, filtered in the database and paged by keyset (ids are time-ordered; the
 * (status, id), (status, agentId, id) and (status, toolName, id) indexes serve it). Also the names the filters offer.
 */
export async function listDrafts(actor: Actor, filter: DraftFilter, after?: string) {
  assertCan(actor, 'actions.read');
  const where: Prisma.ActionWhereInput = {
    status: 'draft',
    ...(filter.agent ? { agent: { name: filter.agent } } : {}),
    ...(filter.tool ? { toolName: filter.tool } : {}),
    ...(filter.fate ? { draftFate: filter.fate === 'undecided' ? null : filter.fate } : {}),
    ...(after ? { id: { lt: after } } : {}),
  };
  const [rows, agents, tools] = await Promise.all([
    db().action.findMany({
      where,
      orderBy: { id: 'desc' },
      take: DRAFTS_PAGE_SIZE + 1,
      select: {
        id: true,
        toolName: true,
        createdAt: true,
        draftFate: true,
        promotedActionId: true,
        agent: { select: { name: true } },
      },
    }),
    db().agent.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
    db().tool.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
  ]);
  const page = rows.slice(0, DRAFTS_PAGE_SIZE);
  return {
    drafts: page.map((row): DraftRow => ({
      id: row.id,
      agentName: row.agent.name,
      toolName: row.toolName,
      createdAt: row.createdAt,
      fate: row.draftFate,
      promotedActionId: row.promotedActionId,
    })),
    olderCursor: rows.length > DRAFTS_PAGE_SIZE ? page.at(-1)!.id : null,
    agentNames: agents.map((agent) => agent.name),
    toolNames: tools.map((tool) => tool.name),
  };
}
