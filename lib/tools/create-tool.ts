import { randomUUID } from 'node:crypto';
import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertRollbackTarget, rollbackColumns } from './assert-rollback-target';
import { assertValidJsonSchema } from './assert-valid-json-schema';
import { createToolSchema, type CreateToolInput } from './schemas';

export async function createTool(actor: Actor, input: CreateToolInput) {
  assertCan(actor, 'tools.manage');
  const data = createToolSchema.parse(input);
  assertValidJsonSchema(data.parameters);
  return db().$transaction(async (tx) => {
    if (await tx.tool.findUnique({ where: { name: data.name } }))
      throw new WardenError('conflict', `A tool named "${data.name}" already exists.`);
    await assertRollbackTarget(tx, data);
    const tool = await tx.tool.create({
      data: {
        id: randomUUID(),
        ...data,
        parameters: JSON.stringify(data.parameters),
        sensitiveFields: JSON.stringify(data.sensitiveFields),
        ...rollbackColumns(data),
      },
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'tool.created',
      payload: { name: tool.name, actionLevel: tool.actionLevel },
    });
    return tool;
  });
}
