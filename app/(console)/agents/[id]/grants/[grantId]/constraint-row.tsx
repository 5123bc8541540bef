'use client';

import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';
import { CONSTRAINT_KINDS, type ConstraintDraft, type ConstraintKind } from './grant-form-model';

type Props = {
  index: number;
  draft: ConstraintDraft;
  params: string[];
  onChange: (next: ConstraintDraft) => void;
  onRemove: () => void;
};

/** One condition on one parameter of the tool (chosen from its JSON Schema); which inputs show depends on its kind. */
export function ConstraintRow({ index, draft, params, onChange, onRemove }: Props) {
  const id = `grant-condition-${draft.key}`;
  const set = (patch: Partial<ConstraintDraft>) => onChange({ ...draft, ...patch });
  const field = (name: keyof ConstraintDraft, label: string, extra: React.ComponentProps<typeof Input> = {}) => (
    <div>
      <Label htmlFor={`${id}-${name}`}>{label}</Label>
      <Input
        id={`${id}-${name}`}
        value={String(draft[name])}
        onChange={(e) => set({ [name]: e.target.value })}
        {...extra}
      />
    </div>
  );

  return (
    <fieldset className="rounded-md border border-gray-200 p-3">
      <legend className="px-1 text-sm font-semibold text-gray-900">Condition {index + 1}</legend>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <Label htmlFor={`${id}-kind`}>Kind</Label>
          <Select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(e) => set({ kind: e.target.value as ConstraintKind })}
          >
            {Object.entries(CONSTRAINT_KINDS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={`${id}-param`}>Parameter</Label>
          {/* Only the tool's own parameters: a typed name could be misspelt and check nothing. */}
          <Select id={`${id}-param`} value={draft.param} onChange={(e) => set({ param: e.target.value })}>
            <option value="">Choose a parameter</option>
            {params.map((param) => (
              <option key={param} value={param}>
                {param}
              </option>
            ))}
            {draft.param && !params.includes(draft.param) ? (
              <option value={draft.param}>{`${draft.param} (not a parameter of this tool)`}</option>
            ) : null}
          </Select>
        </div>
        {draft.kind === 'range' ? (
          <>
            {field('min', 'Minimum', { type: 'number', step: 'any' })}
            {field('max', 'Maximum', { type: 'number', step: 'any' })}
          </>
        ) : null}
        {draft.kind === 'allowed_values' || draft.kind === 'record_type' ? (
          <div className="sm:col-span-2">
            {field(
              'values',
              draft.kind === 'record_type' ? 'Record types (comma-separated)' : 'Values (comma-separated)',
            )}
          </div>
        ) : null}
        {draft.kind === 'pattern' ? (
          <div className="sm:col-span-2">{field('pattern', 'Pattern (regular expression, whole value)')}</div>
        ) : null}
        {draft.kind === 'email_domain' || draft.kind === 'url_domain' ? (
          <div className="sm:col-span-2">
            {field('domains', 'Domains (comma-separated)', { placeholder: 'example.com' })}
          </div>
        ) : null}
        <div>
          <Label htmlFor={`${id}-effect`}>Effect</Label>
          <Select
            id={`${id}-effect`}
            value={draft.effect}
            onChange={(e) => set({ effect: e.target.value as ConstraintDraft['effect'] })}
          >
            <option value="block">Block</option>
            <option value="review">Review</option>
          </Select>
        </div>
        <div className="flex items-end">
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove condition ${index + 1}`}>
            Remove
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
