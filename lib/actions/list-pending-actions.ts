import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { expireOverdueActions } from './expire-action';
import type { ActionLevel } from '../policy/action-levels';

export type PendingActionFilter = { agent?: string; tool?: string };

export type PendingActionRow = {
  id: string;
  tool: string;
  agent: string;
  actionLevel: ActionLevel | null;
  requester: string | null;
  createdAt: string;
};

/** Cap on one page of the queue: a queue longer than this is an incident, not a list to scroll. */
const MAX_ROWS = 500;

/**
 * The review queue: actions waiting for a person, newest first, optionally narrowed to one agent (by name)
 * and one tool. Also returns every agent and tool that has something pending, for the filter menus.
 */
export async function listPendingActions(actor: Actor, filter: PendingActionFilter = {}) {
  assertCan(actor, 'actions.read');
  await expireOverdueActions();
  const pending = { status: 'pending_review' };
  const [rows, choices] = await Promise.all([
    db().action.findMany({
      where: {
        ...pending,
        ...(filter.agent ? { agent: { name: filter.agent } } : {}),
        ...(filter.tool ? { toolName: filter.tool } : {}),
      },
      orderBy: { createdAt: 'desc' },
      take: MAX_ROWS,
      select: {
        id: true, toolName: true, requester: true, createdAt: true,
        agent: { select: { name: true } },
        tool: { select: { actionLevel: true } },
      },
    }),
    db().action.findMany({
      where: pending,
      distinct: ['agentId', 'toolName'],
      select: { toolName: true, agent: { select: { name: true } } },
    }),
  ]);

  const actions: PendingActionRow[] = rows.map((row) => ({
    id: row.id,
    tool: row.toolName,
    agent: row.agent.name,
    actionLevel: (row.tool?.actionLevel as ActionLevel | undefined) ?? null,
    requester: row.requester,
    createdAt: row.createdAt.toISOString(),
  }));
  return {
    actions,
    agents: [...new Set(choices.map((choice) => choice.agent.name))].sort(),
    tools: [...new Set(choices.map((choice) => choice.toolName))].sort(),
  };
}
