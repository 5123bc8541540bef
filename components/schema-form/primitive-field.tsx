'use client';

import { Input, Select, Textarea } from '@/components/ui/field';
import { isFieldLocked, type FormField } from '@/lib/tools/schema-form-fields';
import { describedBy, FieldFrame, type FieldIds } from './field-frame';
import type { FieldProps } from './schema-form';
import { valueAt } from './values';

type Primitive = Extract<FormField, { kind: 'text' | 'email' | 'url' | 'textarea' | 'number' | 'select' | 'checkbox' }>;

/** A control the server refused is outlined in red (besides its message and aria-invalid). */
export const INVALID = 'aria-[invalid=true]:border-red-500';

const LOCKED_NOTE = 'Sensitive: hidden from your role, kept as it is.';

/** Text (one or several lines, e-mail, URL), number, choice or checkbox for one parameter. */
export function PrimitiveField({
  field,
  ids,
  errors,
  value,
  onChange,
  initial,
  sensitive,
  canEditSensitive,
}: FieldProps & { field: Primitive; ids: FieldIds; errors: string[]; value: unknown }) {
  const locked = isFieldLocked(field, sensitive, canEditSensitive);
  const note = locked ? LOCKED_NOTE : null;
  const aria = describedBy(ids, Boolean(field.description || note), errors);
  const wasAbsent = valueAt(initial, field.keys) === undefined;
  const common = { id: ids.control, disabled: locked, className: INVALID, ...aria };
  const frame = { ids, label: field.label, required: field.required, description: field.description, note, errors };

  // Clearing a box leaves the parameter out only if it was not there to begin with; otherwise "" is a value.
  const setText = (text: string) => onChange(field.keys, text === '' && wasAbsent ? undefined : text);

  switch (field.kind) {
    case 'checkbox':
      return (
        <FieldFrame {...frame} labelAfter>
          <input
            type="checkbox"
            {...common}
            className="size-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-600"
            checked={value === true}
            onChange={(event) => onChange(field.keys, event.target.checked)}
          />
        </FieldFrame>
      );
    case 'select':
      return (
        <FieldFrame {...frame}>
          <Select
            {...common}
            value={value === undefined ? '' : String(value)}
            onChange={(event) => {
              const index = event.target.selectedIndex - 1;
              onChange(field.keys, index < 0 ? undefined : field.options[index]);
            }}
          >
            <option value="">{field.required ? 'Choose…' : '(none)'}</option>
            {field.options.map((option) => (
              <option key={String(option)} value={String(option)}>
                {String(option)}
              </option>
            ))}
          </Select>
        </FieldFrame>
      );
    case 'number':
      return (
        <FieldFrame {...frame}>
          <Input
            type="number"
            inputMode={field.integer ? 'numeric' : 'decimal'}
            step={field.integer ? 1 : 'any'}
            min={field.min ?? undefined}
            max={field.max ?? undefined}
            {...common}
            value={typeof value === 'number' ? String(value) : ''}
            onChange={(event) =>
              onChange(field.keys, event.target.value === '' ? undefined : Number(event.target.value))
            }
          />
        </FieldFrame>
      );
    case 'textarea':
      return (
        <FieldFrame {...frame}>
          <Textarea
            {...common}
            rows={5}
            maxLength={field.maxLength ?? undefined}
            value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
            onChange={(event) => setText(event.target.value)}
          />
        </FieldFrame>
      );
    default:
      return (
        <FieldFrame {...frame}>
          <Input
            type={field.kind === 'email' ? 'email' : field.kind === 'url' ? 'url' : 'text'}
            {...common}
            maxLength={field.maxLength ?? undefined}
            value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
            onChange={(event) => setText(event.target.value)}
          />
        </FieldFrame>
      );
  }
}
