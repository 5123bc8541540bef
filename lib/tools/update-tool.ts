import { assertCan, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db } from '../db/client';
import { WardenError } from '../errors';
import { assertRollbackTarget, rollbackColumns } from './assert-rollback-target';
import { assertValidJsonSchema } from './assert-valid-json-schema';
import { updateToolFieldsSchema, type ToolFieldsInput } from './schemas';

/** Edits a tool (not its name: grants, actions and audit refer to it). The audit event keeps before and after. */
export async function updateTool(actor: Actor, input: { toolId: string; fields: ToolFieldsInput }) {
  assertCan(actor, 'tools.manage');
  const fields = updateToolFieldsSchema.parse(input.fields);
  assertValidJsonSchema(fields.parameters);
  return db().$transaction(async (tx) => {
    const before = await tx.tool.findUnique({ where: { id: input.toolId } });
    if (!before) throw new WardenError('not_found', 'No such tool.');
    await assertRollbackTarget(tx, { ...fields, name: before.name });
    const { count } = await tx.tool.updateMany({
      where: { id: before.id, updatedAt: before.updatedAt },
      data: {
        ...fields,
        parameters: JSON.stringify(fields.parameters),
        sensitiveFields: JSON.stringify(fields.sensitiveFields),
        ...rollbackColumns(fields),
      },
    });
    if (count !== 1)
      throw new WardenError('conflict', 'This tool was changed by someone else meanwhile; reload and try again.');
    const snapshot = (t: typeof before) => ({
      description: t.description,
      actionLevel: t.actionLevel,
      parameters: JSON.parse(t.parameters),
      sensitiveFields: JSON.parse(t.sensitiveFields),
      summaryTemplate: t.summaryTemplate,
      supportsRollback: t.supportsRollback,
      rollbackKind: t.rollbackKind,
      rollbackInstructions: t.rollbackInstructions,
      rollbackToolName: t.rollbackToolName,
      rollbackMapping: JSON.parse(t.rollbackMapping),
    });
    await recordAuditEvent(tx, {
      actor,
      type: 'tool.updated',
      payload: { name: before.name, before: snapshot(before), after: fields },
    });
    return { toolId: before.id };
  });
}
