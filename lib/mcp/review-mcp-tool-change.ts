import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Tx } from '../db/client';
import { db } from '../db/client';
import { invalidInput, WardenError } from '../errors';
import { assertValidJsonSchema } from '../tools/assert-valid-json-schema';
import { reviewMcpToolChangeSchema, type ReviewMcpToolChangeInput } from './schemas';
import { catalogueToolName, type UpstreamToolDefinition } from './tool-definition';

type Change = NonNullable<Awaited<ReturnType<Tx['mcpToolChange']['findUnique']>>>;

/** Tool.description is what reviewers and agents read; the catalogue keeps 500 characters, as for tools made by hand. */
const DESCRIPTION_MAX = 500;

/**
 * An admin's decision on a change a registration or refresh found. Accept: an added tool enters the catalogue at the
 * action level the admin confirms (required: the annotations only suggest one); a changed definition replaces the
 * tool's description and schema; a removed tool is disabled. Dismiss: nothing changes. Once per change
 * (compare-and-set on pending), audited with the catalogue's own tool events in the same transaction.
 */
export async function reviewMcpToolChange(
  actor: Actor,
  input: ReviewMcpToolChangeInput,
): Promise<{ toolName: string | null }> {
  assertCan(actor, 'mcp.manage');
  const data = reviewMcpToolChangeSchema.parse(input);
  return db().$transaction(async (tx) => {
    const change = await tx.mcpToolChange.findUnique({ where: { id: data.changeId }, include: { server: true } });
    if (!change) throw new WardenError('not_found', 'No such MCP tool change.');
    const { count } = await tx.mcpToolChange.updateMany({
      where: { id: change.id, status: 'pending' },
      data: {
        status: data.decision === 'accept' ? 'accepted' : 'dismissed',
        decidedById: actor.id,
        decidedAt: new Date(),
      },
    });
    if (count !== 1)
      throw new WardenError('conflict', `This change is already ${change.status}.`, { status: change.status });
    const base = { serverId: change.serverId, upstreamName: change.upstreamName, kind: change.kind };
    if (data.decision === 'dismiss') {
      await recordAuditEvent(tx, { actor, type: 'mcp_tool.change_dismissed', payload: base });
      return { toolName: null };
    }
    const toolName = await apply(tx, actor, change, change.server.name, data.actionLevel ?? null);
    await recordAuditEvent(tx, {
      actor,
      type: 'mcp_tool.change_accepted',
      payload: { ...base, tool: toolName, actionLevel: data.actionLevel ?? null },
    });
    return { toolName };
  });
}

async function apply(
  tx: Tx,
  actor: Actor,
  change: Change,
  serverName: string,
  actionLevel: string | null,
): Promise<string> {
  const definition = JSON.parse(change.definition) as UpstreamToolDefinition;
  const imported = await tx.mcpTool.findUnique({
    where: { serverId_upstreamName: { serverId: change.serverId, upstreamName: change.upstreamName } },
  });
  if (change.kind === 'added') {
    if (!actionLevel)
      throw invalidInput('Confirm the action level to import this tool.', [
        { path: 'actionLevel', message: `confirm the level (suggested: ${change.suggestedLevel})` },
      ]);
    assertValidJsonSchema(definition.inputSchema);
    const name = catalogueToolName(serverName, definition.name);
    if (imported || (await tx.tool.findUnique({ where: { name } })))
      throw new WardenError('conflict', `A tool named "${name}" already exists.`);
    const tool = await tx.tool.create({
      data: {
        id: randomUUID(),
        name,
        description: definition.description.slice(0, DESCRIPTION_MAX) || definition.name,
        actionLevel,
        parameters: JSON.stringify(definition.inputSchema),
      },
    });
    await tx.mcpTool.create({
      data: {
        id: randomUUID(),
        serverId: change.serverId,
        toolId: tool.id,
        upstreamName: change.upstreamName,
        definitionHash: change.definitionHash,
      },
    });
    await recordAuditEvent(tx, { actor, type: 'tool.created', payload: { name, actionLevel } });
    return name;
  }
  if (!imported) throw new WardenError('conflict', 'This tool is no longer imported from the server.');
  const tool = await tx.tool.findUniqueOrThrow({ where: { id: imported.toolId } });
  if (change.kind === 'removed') {
    await tx.mcpTool.delete({ where: { id: imported.id } });
    const { count } = await tx.tool.updateMany({ where: { id: tool.id, enabled: true }, data: { enabled: false } });
    if (count === 1) await recordAuditEvent(tx, { actor, type: 'tool.disabled', payload: { name: tool.name } });
    return tool.name;
  }
  assertValidJsonSchema(definition.inputSchema);
  const after = {
    description: definition.description.slice(0, DESCRIPTION_MAX) || definition.name,
    parameters: JSON.stringify(definition.inputSchema),
  };
  await tx.tool.update({ where: { id: tool.id }, data: after });
  await tx.mcpTool.update({ where: { id: imported.id }, data: { definitionHash: change.definitionHash } });
  await recordAuditEvent(tx, {
    actor,
    type: 'tool.updated',
    payload: {
      name: tool.name,
      before: { description: tool.description, parameters: JSON.parse(tool.parameters) as unknown },
      after: { description: after.description, parameters: definition.inputSchema },
    },
  });
  return tool.name;
}
