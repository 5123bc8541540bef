'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label, Select, Textarea } from '@/components/ui/field';
import { ACTION_LEVEL_LABELS, ACTION_LEVELS, type ActionLevel } from '@/lib/policy/action-levels';
import { createToolMutation, updateToolMutation } from './mutations';
import { EMPTY_ROLLBACK, RollbackFields, type RollbackFormValues } from './rollback-fields';
import { SummaryPreview } from './summary-preview';

export type ToolFormValues = {
  name: string;
  description: string;
  actionLevel: ActionLevel;
  parameters: string;
  sensitiveFields: string;
  summaryTemplate: string;
  supportsRollback: boolean;
} & RollbackFormValues;

export const EMPTY_TOOL: ToolFormValues = {
  name: '',
  description: '',
  actionLevel: 'create',
  parameters: '{\n  "type": "object",\n  "properties": {},\n  "additionalProperties": false\n}',
  sensitiveFields: '',
  summaryTemplate: '',
  supportsRollback: false,
  ...EMPTY_ROLLBACK,
};

/** Create (with a name) or edit a tool; the server checks the JSON Schema and its message is shown as is. */
export function ToolForm({
  toolId,
  initial,
  disabled,
}: {
  toolId?: string;
  initial: ToolFormValues;
  disabled?: boolean;
}) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; error: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<ToolFormValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    let parameters: unknown;
    try {
      parameters = JSON.parse(values.parameters);
    } catch (error) {
      return setResult({ ok: false, error: `The parameter schema is not valid JSON: ${(error as Error).message}` });
    }
    let rollbackMapping: unknown = {};
    if (values.rollbackKind === 'compensating') {
      try {
        rollbackMapping = JSON.parse(values.rollbackMapping || '{}');
      } catch (error) {
        return setResult({ ok: false, error: `The rollback mapping is not valid JSON: ${(error as Error).message}` });
      }
    }
    const fields = {
      description: values.description,
      actionLevel: values.actionLevel,
      parameters: parameters as Record<string, unknown>,
      sensitiveFields: values.sensitiveFields
        .split(',')
        .map((field) => field.trim())
        .filter(Boolean),
      summaryTemplate: values.summaryTemplate,
      supportsRollback: values.supportsRollback,
      rollbackKind: values.rollbackKind,
      rollbackInstructions: values.rollbackInstructions,
      rollbackToolName: values.rollbackKind === 'compensating' ? values.rollbackToolName : null,
      rollbackMapping: rollbackMapping as Record<string, string>,
    };
    startTransition(async () => {
      if (toolId) {
        const saved = await updateToolMutation({ toolId, fields });
        setResult(saved.ok ? { ok: true, message: 'Tool saved.' } : saved);
        return;
      }
      const created = await createToolMutation({ ...fields, name: values.name });
      if (!created.ok) return setResult(created);
      router.push(`/tools/${created.data.toolId}`);
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <fieldset disabled={disabled || pending} className="grid gap-4 md:grid-cols-2">
        {toolId ? null : (
          <div>
            <Label htmlFor="tool-name">Name</Label>
            <Input
              id="tool-name"
              required
              value={values.name}
              onChange={(e) => set({ name: e.target.value })}
              placeholder="e.g. billing.refund"
              autoComplete="off"
            />
            <p className="mt-1 text-xs text-gray-600">
              Lowercase letters, digits, dots and underscores. It cannot be changed later.
            </p>
          </div>
        )}
        <div>
          <Label htmlFor="tool-action-level">Action level</Label>
          <Select
            id="tool-action-level"
            value={values.actionLevel}
            onChange={(e) => set({ actionLevel: e.target.value as ActionLevel })}
          >
            {ACTION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {ACTION_LEVEL_LABELS[level]}
              </option>
            ))}
          </Select>
        </div>
        <div className="md:col-span-2">
          <Label htmlFor="tool-description">Description</Label>
          <Input
            id="tool-description"
            required
            maxLength={500}
            value={values.description}
            onChange={(e) => set({ description: e.target.value })}
          />
        </div>
        <div className="md:col-span-2">
          <Label htmlFor="tool-parameters">Parameter schema (JSON)</Label>
          <Textarea
            id="tool-parameters"
            className="min-h-56 font-mono text-xs"
            spellCheck={false}
            value={values.parameters}
            onChange={(e) => set({ parameters: e.target.value })}
          />
          <p className="mt-1 text-xs text-gray-600">
            A JSON Schema of an object. Every call&apos;s parameters are checked against it.
          </p>
        </div>
        <div>
          <Label htmlFor="tool-sensitive-fields">Sensitive fields</Label>
          <Input
            id="tool-sensitive-fields"
            value={values.sensitiveFields}
            onChange={(e) => set({ sensitiveFields: e.target.value })}
            placeholder="e.g. card.number, email"
          />
          <p className="mt-1 text-xs text-gray-600">
            Comma-separated parameter names, masked for those who may not see them.
          </p>
        </div>
        <div>
          <Label htmlFor="tool-summary-template">Summary template</Label>
          <Input
            id="tool-summary-template"
            value={values.summaryTemplate}
            onChange={(e) => set({ summaryTemplate: e.target.value })}
            placeholder="Refund {amount} {currency} to order {orderId}"
          />
          <SummaryPreview template={values.summaryTemplate} schemaText={values.parameters} />
        </div>
        <div className="flex items-center gap-2 md:col-span-2">
          <input
            id="tool-supports-rollback"
            type="checkbox"
            className="size-4 accent-indigo-600"
            checked={values.supportsRollback}
            onChange={(e) => set({ supportsRollback: e.target.checked })}
          />
          <label htmlFor="tool-supports-rollback" className="text-sm font-medium text-gray-800">
            Supports rollback
          </label>
        </div>
        <RollbackFields values={values} set={set} />
      </fieldset>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {result.message}
        </p>
      ) : null}
      {disabled ? null : (
        <div>
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {toolId ? 'Save tool' : 'Create tool'}
          </Button>
        </div>
      )}
    </form>
  );
}
