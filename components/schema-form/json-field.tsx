'use client';

import { useState } from 'react';
import { Textarea } from '@/components/ui/field';
import { isFieldLocked, type FormField } from '@/lib/tools/schema-form-fields';
import { describedBy, FieldFrame, type FieldIds } from './field-frame';
import { INVALID } from './primitive-field';
import type { FieldProps } from './schema-form';
import { valueAt } from './values';

type JsonFormField = Extract<FormField, { kind: 'json' }>;

/**
 * The fallback for what the generator cannot render: the parameter's value as JSON text. Empty text leaves the
 * parameter out. Text that does not parse is reported, and the form will not submit it.
 */
export function JsonField(props: FieldProps & { field: JsonFormField; ids: FieldIds; errors: string[] }) {
  const { field, ids, values, onChange, onJsonError } = props;
  const [text, setText] = useState(() => toText(valueAt(values, field.keys)));
  const [parseError, setParseError] = useState<string | null>(null);
  const locked = isFieldLocked(field, props.sensitive, props.canEditSensitive);
  const errors = parseError ? [parseError, ...props.errors] : props.errors;
  const note = `Edited as JSON: ${field.reason}.${locked ? ' Holds sensitive values hidden from your role, kept as they are.' : ''}`;

  function change(next: string) {
    setText(next);
    if (next.trim() === '') return report(null, undefined);
    try {
      const parsed: unknown = JSON.parse(next);
      if (field.keys.length === 0 && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
        return report('must be a JSON object', undefined, false);
      }
      report(null, parsed);
    } catch (error) {
      report(`not valid JSON: ${(error as Error).message}`, undefined, false);
    }
  }

  function report(message: string | null, value: unknown, apply = true) {
    setParseError(message);
    onJsonError(field.path, message);
    if (apply) onChange(field.keys, value);
  }

  return (
    <FieldFrame
      ids={ids}
      label={field.label}
      required={field.required}
      description={field.description}
      note={note}
      errors={errors}
    >
      <Textarea
        id={ids.control}
        disabled={locked}
        spellCheck={false}
        rows={Math.min(12, Math.max(3, text.split('\n').length))}
        className={`font-mono text-[13px] ${INVALID}`}
        value={text}
        onChange={(event) => change(event.target.value)}
        {...describedBy(ids, true, errors)}
      />
    </FieldFrame>
  );
}

function toText(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}
