'use client';

import { Input, Label, Select, Textarea } from '@/components/ui/field';
import { ROLLBACK_KINDS, type RollbackKind } from '@/lib/tools/schemas';

export type RollbackFormValues = {
  rollbackKind: RollbackKind;
  rollbackInstructions: string;
  rollbackToolName: string;
  rollbackMapping: string;
};

export const EMPTY_ROLLBACK: RollbackFormValues = {
  rollbackKind: 'none',
  rollbackInstructions: '',
  rollbackToolName: '',
  rollbackMapping: '{}',
};

const KIND_LABELS: Record<RollbackKind, string> = {
  none: 'None: its effects cannot be undone through Warden',
  manual: 'Manual: a responder undoes it by hand',
  compensating: 'Compensating tool: Warden proposes another tool to undo it',
};

/** How the tool's effects are undone; the server checks the compensating tool and the mapping on save. */
export function RollbackFields({
  values,
  set,
}: {
  values: RollbackFormValues;
  set: (patch: Partial<RollbackFormValues>) => void;
}) {
  return (
    <fieldset className="grid gap-4 rounded-md border border-gray-200 p-3 md:col-span-2 md:grid-cols-2">
      <legend className="px-1 text-sm font-semibold text-gray-900">Rollback</legend>
      <div className="md:col-span-2">
        <Label htmlFor="tool-rollback-kind">How its effects are undone</Label>
        <Select
          id="tool-rollback-kind"
          value={values.rollbackKind}
          onChange={(e) => set({ rollbackKind: e.target.value as RollbackKind })}
        >
          {ROLLBACK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </Select>
      </div>
      {values.rollbackKind === 'manual' ? (
        <div className="md:col-span-2">
          <Label htmlFor="tool-rollback-instructions">Instructions for the responder</Label>
          <Textarea
            id="tool-rollback-instructions"
            maxLength={2000}
            value={values.rollbackInstructions}
            onChange={(e) => set({ rollbackInstructions: e.target.value })}
          />
        </div>
      ) : null}
      {values.rollbackKind === 'compensating' ? (
        <>
          <div>
            <Label htmlFor="tool-rollback-tool">Compensating tool</Label>
            <Input
              id="tool-rollback-tool"
              value={values.rollbackToolName}
              onChange={(e) => set({ rollbackToolName: e.target.value })}
              placeholder="e.g. refund.cancel"
              autoComplete="off"
            />
            <p className="mt-1 text-xs text-gray-600">
              An enabled tool; the agent needs a grant for it to run the rollback.
            </p>
          </div>
          <div>
            <Label htmlFor="tool-rollback-mapping">Parameter mapping (JSON)</Label>
            <Textarea
              id="tool-rollback-mapping"
              className="font-mono text-xs"
              spellCheck={false}
              value={values.rollbackMapping}
              onChange={(e) => set({ rollbackMapping: e.target.value })}
            />
            <p className="mt-1 text-xs text-gray-600">
              Each parameter of the compensating tool from this action:{' '}
              <code>{'{ "refundId": "$.result.refundId", "orderId": "$.params.orderId" }'}</code>
            </p>
          </div>
        </>
      ) : null}
    </fieldset>
  );
}
