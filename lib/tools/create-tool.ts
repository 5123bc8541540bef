import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { createJsonSchemaEngine } from './json-schema';
import { createToolSchema, type CreateToolInput } from './schemas';

export async function createTool(actor: Actor, input: CreateToolInput) {
  assertCan(actor, 'agents.manage');
  const data = createToolSchema.parse(input);
  try {
    createJsonSchemaEngine().compile(data.parameters);
  } catch (error) {
    throw new WardenError('invalid_input', `The parameter schema is not valid JSON Schema: ${(error as Error).message}`, {
      issues: [{ path: 'parameters', message: (error as Error).message }],
    });
  }
  return db().$transaction(async (tx) => {
    if (await tx.tool.findUnique({ where: { name: data.name } })) throw new WardenError('conflict', `A tool named "${data.name}" already exists.`);
    const tool = await tx.tool.create({ data: { id: randomUUID(), ...data, parameters: JSON.stringify(data.parameters) } });
    await recordAuditEvent(tx, { actor, type: 'tool.created', payload: { name: tool.name, actionLevel: tool.actionLevel } });
    return tool;
  });
}
