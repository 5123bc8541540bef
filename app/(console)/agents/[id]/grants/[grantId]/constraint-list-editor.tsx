'use client';

import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { newConstraint, type ConstraintDraft } from './grant-form-model';
import { ConstraintRow } from './constraint-row';

/**
 * Conditions on the call's parameters: a call that breaks one is blocked ("Block") or sent to a person ("Review",
 * a risk condition that forces review even when no approval is otherwise required).
 */
export function ConstraintListEditor({
  value,
  params,
  onChange,
}: {
  value: ConstraintDraft[];
  params: string[];
  onChange: (next: ConstraintDraft[]) => void;
}) {
  return (
    <div className="flex flex-col gap-3">
      {params.length === 0 ? (
        <p className="text-sm text-gray-600">
          This tool&apos;s schema names no parameters, so no condition can be set.
        </p>
      ) : null}
      {value.length === 0 ? (
        <p className="text-sm text-gray-600">No conditions: any parameters the tool accepts are allowed.</p>
      ) : null}
      {value.map((draft, index) => (
        <ConstraintRow
          key={draft.key}
          index={index}
          draft={draft}
          params={params}
          onChange={(next) => onChange(value.map((item) => (item.key === draft.key ? next : item)))}
          onRemove={() => onChange(value.filter((item) => item.key !== draft.key))}
        />
      ))}
      <div>
        <Button variant="secondary" size="sm" onClick={() => onChange([...value, newConstraint()])}>
          <Plus aria-hidden className="size-4" />
          Add condition
        </Button>
      </div>
    </div>
  );
}
