'use client';

import type { FieldIssue } from '@/lib/errors';
import { issueBelongsTo, type FormField } from '@/lib/tools/schema-form-fields';
import { FieldErrors, RequiredMark } from './field-frame';
import { JsonField } from './json-field';
import { ListField } from './list-field';
import { PrimitiveField } from './primitive-field';
import { valueAt } from './values';

export type SchemaFormProps = {
  fields: FormField[];
  /** The parameters as edited so far. */
  values: Record<string, unknown>;
  /** The version being edited: a field cleared that was absent there is left out again, not sent as "". */
  initial: Record<string, unknown>;
  onChange: (keys: string[], value: unknown) => void;
  /** Server-side issues, paths relative to params ("assignee.email"). */
  issues: FieldIssue[];
  /** The tool's sensitive paths; a reviewer without `canEditSensitive` sees them masked and cannot change them. */
  sensitive: readonly string[];
  canEditSensitive: boolean;
  /** JSON fields report text that does not parse, so the form can refuse to submit it. */
  onJsonError: (path: string, message: string | null) => void;
  idPrefix: string;
};

/**
 * A form generated from a tool's JSON Schema (the mapping is lib/tools/schema-form-fields.ts): one control per
 * parameter, nested objects as fieldsets, errors from the server next to the field they name.
 */
export function SchemaForm(props: SchemaFormProps) {
  return (
    <div className="flex flex-col gap-4">
      {props.fields.map((field) => (
        <SchemaField key={field.path || '(root)'} field={field} {...props} />
      ))}
    </div>
  );
}

export type FieldProps = Omit<SchemaFormProps, 'fields'> & { field: FormField };

function SchemaField(props: FieldProps) {
  const { field, issues, idPrefix } = props;
  const errors = issues.filter((issue) => issueBelongsTo(field, issue.path)).map((issue) => issue.message);
  const ids = {
    control: `${idPrefix}-${field.path || 'params'}`,
    help: `${idPrefix}-${field.path}-help`,
    error: `${idPrefix}-${field.path}-error`,
  };
  switch (field.kind) {
    case 'fieldset':
      return (
        <fieldset className="rounded-md border border-gray-200 px-3 pt-1 pb-3 sm:px-4">
          <legend className="px-1 text-sm font-semibold text-gray-900">
            {field.label}
            {field.required ? <RequiredMark /> : null}
          </legend>
          {field.description ? <p className="mb-2 text-xs text-gray-600">{field.description}</p> : null}
          <FieldErrors id={ids.error} errors={errors} />
          <div className="mt-2 flex flex-col gap-4">
            {field.fields.map((inner) => (
              <SchemaField key={inner.path} {...props} field={inner} />
            ))}
          </div>
        </fieldset>
      );
    case 'json':
      return <JsonField {...props} field={field} ids={ids} errors={errors} />;
    case 'list':
      return <ListField {...props} field={field} ids={ids} errors={errors} value={valueAt(props.values, field.keys)} />;
    default:
      return (
        <PrimitiveField {...props} field={field} ids={ids} errors={errors} value={valueAt(props.values, field.keys)} />
      );
  }
}
