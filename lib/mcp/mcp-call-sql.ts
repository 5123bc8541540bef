import { prepareSql } from '../db/typed-sql';

/*
 * The MCP gateway's own rows on the hot path, as typed SQL (lib/db/typed-sql.ts) run through lib/db/sql-runner.ts:
 * reads outside any transaction and writes with `commitWrites` (grouped with the gate's writes of the moment). On
 * SQLite Prisma's model queries run on the server's thread at synchronous=FULL and wait for the gate's batches, which
 * made three small writes per call cost more than the gate's proposal (see docs/BENCHMARKS.md).
 */

/** The upstream tool behind a catalogue tool, if an upstream MCP server serves it. */
export const mcpRouteSql = prepareSql((db, p: { toolName: string }) =>
  db
    .selectFrom('Tool as t')
    .innerJoin('McpTool as m', 'm.toolId', 't.id')
    .select(['m.serverId', 'm.upstreamName'])
    .where('t.name', '=', p.toolName),
);

/** Where and how Warden reaches an upstream (the credential still sealed). */
export const mcpServerSql = prepareSql((db, p: { id: string }) =>
  db.selectFrom('McpServer').select(['name', 'url', 'credentials']).where('id', '=', p.id),
);

/** The agent's MCP call with these exact arguments whose outcome it has not been given yet, newest first. */
export const resumableMcpCallSql = prepareSql((db, p: { callHash: string }) =>
  db
    .selectFrom('McpCall')
    .select(['actionId', 'serverId', 'upstreamName'])
    .where('callHash', '=', p.callHash)
    .where('answeredAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .limit(1),
);

export const mcpCallOfActionSql = prepareSql((db, p: { actionId: string }) =>
  db.selectFrom('McpCall').select(['actionId', 'serverId', 'upstreamName']).where('actionId', '=', p.actionId),
);

export const insertMcpCallSql = prepareSql(
  (
    db,
    p: {
      actionId: string;
      callHash: string;
      serverId: string | null;
      upstreamName: string | null;
      asTask: boolean;
      now: Date;
    },
  ) =>
    db.insertInto('McpCall').values({
      actionId: p.actionId,
      callHash: p.callHash,
      serverId: p.serverId,
      upstreamName: p.upstreamName,
      asTask: p.asTask,
      createdAt: p.now,
    }),
);

/** A plain call resumed by a task-augmented retry: from now on the background job runs it once approved. */
export const mcpCallAsTaskSql = prepareSql((db, p: { actionId: string; asTask: boolean }) =>
  db.updateTable('McpCall').set({ asTask: p.asTask }).where('actionId', '=', p.actionId),
);

/**
 * Task calls a reviewer approved that Warden has not run yet, oldest first, of agents that still hold a key that
 * works (revoking an agent's keys stops what it delegated too). Served by an upstream only: the others are the
 * agent's to run through the agent API.
 */
export const approvedMcpTasksSql = prepareSql((db, p: { now: Date; limit: number; asTask: boolean }) =>
  db
    .selectFrom('McpCall as c')
    .innerJoin('Action as x', 'x.id', 'c.actionId')
    .innerJoin('Agent as a', 'a.id', 'x.agentId')
    .select(['c.actionId', 'c.serverId', 'c.upstreamName', 'a.id as agentId', 'a.name as agentName'])
    .where('c.asTask', '=', p.asTask)
    .where('x.status', '=', 'approved')
    .where('c.serverId', 'is not', null)
    .where('c.upstreamName', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('AgentKey as k')
          .select('k.id')
          .whereRef('k.agentId', '=', 'a.id')
          .where('k.revokedAt', 'is', null)
          .where((key) => key.or([key('k.expiresAt', 'is', null), key('k.expiresAt', '>', p.now)])),
      ),
    )
    .orderBy('c.createdAt', 'asc')
    .limit(p.limit),
);

export const mcpCallCalledSql = prepareSql((db, p: { actionId: string; now: Date }) =>
  db.updateTable('McpCall').set({ calledAt: p.now }).where('actionId', '=', p.actionId).where('calledAt', 'is', null),
);

export const mcpCallAnsweredSql = prepareSql((db, p: { actionId: string; now: Date }) =>
  db
    .updateTable('McpCall')
    .set({ answeredAt: p.now })
    .where('actionId', '=', p.actionId)
    .where('answeredAt', 'is', null),
);

export type McpCallRow = { actionId: string; serverId: string | null; upstreamName: string | null };
