'use client';

import Link from 'next/link';
import { useActionState, useId, useMemo, useState, useTransition } from 'react';
import { SchemaForm } from '@/components/schema-form/schema-form';
import { withValueAt } from '@/components/schema-form/values';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import { flattenFields, issueBelongsTo, schemaFormFields } from '@/lib/tools/schema-form-fields';
import type { FieldIssue } from '@/lib/errors';
import { editAndApproveMutation } from './mutations';

type Props = {
  actionId: string;
  version: number;
  schema: Record<string, unknown>;
  params: Record<string, unknown>;
  sensitive: string[];
  canEditSensitive: boolean;
};

/** The parameters as a form generated from the tool's schema, prefilled with the current version, and the approval. */
export function EditForm({ actionId, version, schema, params, sensitive, canEditSensitive }: Props) {
  const [state, formAction, pending] = useActionState(editAndApproveMutation, null);
  const [, startTransition] = useTransition();
  const [values, setValues] = useState(params);
  const [jsonErrors, setJsonErrors] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const idPrefix = useId();
  // The controls follow the version being edited, not the edits: a field does not change kind while typing.
  const fields = useMemo(() => schemaFormFields(schema, params, sensitive), [schema, params, sensitive]);
  const issues = state && !state.ok ? paramIssues(state.issues) : [];
  const unplaced = issues.filter((issue) => !flattenFields(fields).some((field) => issueBelongsTo(field, issue.path)));
  const unparsable = Object.keys(jsonErrors);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (unparsable.length > 0) return;
    const data = new FormData();
    data.set('actionId', actionId);
    data.set('version', String(version));
    data.set('params', JSON.stringify(values));
    data.set('comment', comment);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      {state && !state.ok ? (
        <ErrorAlert>
          <p>{state.error}</p>
          {unplaced.length > 0 ? (
            <ul className="mt-1 list-disc pl-5">
              {unplaced.map((issue, index) => (
                <li key={index}>
                  {issue.path ? `${issue.path}: ` : ''}
                  {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
      ) : null}
      <SchemaForm
        fields={fields}
        values={values}
        initial={params}
        onChange={(keys, value) => setValues((current) => withValueAt(current, keys, value))}
        issues={issues}
        sensitive={sensitive}
        canEditSensitive={canEditSensitive}
        onJsonError={(path, message) =>
          setJsonErrors((current) => {
            const { [path]: _dropped, ...rest } = current;
            return message ? { ...rest, [path]: message } : rest;
          })
        }
        idPrefix={idPrefix}
      />
      <div>
        <Label htmlFor={`${idPrefix}-comment`}>Comment</Label>
        <Textarea
          id={`${idPrefix}-comment`}
          maxLength={2000}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          placeholder="Optional: why you changed the parameters (kept in the audit trail)"
        />
      </div>
      {unparsable.length > 0 ? (
        <p role="status" className="text-sm text-red-700">
          Fix the JSON in {unparsable.map((p) => p || 'Parameters').join(', ')} before approving.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="success" disabled={pending || unparsable.length > 0} aria-busy={pending}>
          {pending ? 'Approving…' : 'Approve with these parameters'}
        </Button>
        <Button variant="secondary" asChild>
          <Link href={`/actions/${actionId}`}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}

/** The failing fields under `params`, with paths relative to the parameters (the form's own controls). */
function paramIssues(issues: FieldIssue[]): FieldIssue[] {
  return issues
    .filter((issue) => issue.path === 'params' || issue.path.startsWith('params.'))
    .map((issue) => ({ ...issue, path: issue.path.replace(/^params\.?/, '') }));
}
