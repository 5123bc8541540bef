import type { Tx } from '../db/client';
import { invalidInput } from '../errors';

type RollbackDeclaration = {
  name: string;
  rollbackKind: string;
  rollbackToolName: string | null;
  rollbackMapping: Record<string, string>;
};

/**
 * A compensating rollback must be one Warden can actually propose: the compensating tool exists, is enabled, is not
 * the tool itself, and every mapped parameter is a property of its schema. Checked on save (422 naming the field);
 * the mapping's path syntax is checked by the schema (lib/tools/schemas.ts).
 */
export async function assertRollbackTarget(tx: Tx, tool: RollbackDeclaration): Promise<void> {
  if (tool.rollbackKind !== 'compensating') return;
  const name = tool.rollbackToolName ?? '';
  const fail = (path: string, message: string) => {
    throw invalidInput(`${path}: ${message}`, [{ path, message }]);
  };
  if (name === tool.name) fail('rollbackToolName', 'a tool cannot compensate itself');
  const target = await tx.tool.findUnique({ where: { name }, select: { enabled: true, parameters: true } });
  if (!target) fail('rollbackToolName', `no tool named "${name}"`);
  if (!target!.enabled) fail('rollbackToolName', `tool "${name}" is disabled`);
  const schema = JSON.parse(target!.parameters) as { properties?: Record<string, unknown> };
  const properties = schema.properties ?? {};
  for (const param of Object.keys(tool.rollbackMapping)) {
    if (!Object.prototype.hasOwnProperty.call(properties, param)) {
      fail(`rollbackMapping.${param}`, `"${param}" is not a parameter of ${name}`);
    }
  }
}

/** The columns a rollback declaration is stored in; a declared rollback also marks the tool as supporting one (the badge, the risk flags). */
export function rollbackColumns(fields: {
  supportsRollback: boolean;
  rollbackKind: string;
  rollbackInstructions: string;
  rollbackToolName: string | null;
  rollbackMapping: Record<string, string>;
}) {
  const compensating = fields.rollbackKind === 'compensating';
  return {
    supportsRollback: fields.supportsRollback || fields.rollbackKind !== 'none',
    rollbackKind: fields.rollbackKind,
    rollbackInstructions: fields.rollbackInstructions,
    rollbackToolName: compensating ? fields.rollbackToolName : null,
    rollbackMapping: JSON.stringify(compensating ? fields.rollbackMapping : {}),
  };
}
