'use client';

import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { isFieldLocked, type FormField } from '@/lib/tools/schema-form-fields';
import { FieldErrors, RequiredMark, type FieldIds } from './field-frame';
import type { FieldProps } from './schema-form';

type ListFormField = Extract<FormField, { kind: 'list' }>;

/** A list of text, numbers or choices: each item its own box, with add and remove buttons. */
export function ListField({
  field,
  ids,
  errors,
  value,
  onChange,
  sensitive,
  canEditSensitive,
}: FieldProps & { field: ListFormField; ids: FieldIds; errors: string[]; value: unknown }) {
  const items = Array.isArray(value) ? (value as (string | number)[]) : [];
  const locked = isFieldLocked(field, sensitive, canEditSensitive);
  const numeric = field.item !== 'string';
  const set = (next: (string | number | undefined)[]) => onChange(field.keys, next);
  const blank = field.options ? field.options[0] : numeric ? 0 : '';

  return (
    <fieldset
      aria-describedby={
        [field.description ? ids.help : null, errors.length ? ids.error : null].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="mb-1 text-sm font-medium text-gray-800">
        {field.label}
        {field.required ? <RequiredMark /> : null}
      </legend>
      {field.description ? (
        <p id={ids.help} className="mb-2 text-xs text-gray-600">
          {field.description}
        </p>
      ) : null}
      {items.length === 0 ? <p className="mb-2 text-sm text-gray-600 italic">No items.</p> : null}
      <ul className="flex flex-col gap-2">
        {items.map((item, index) => {
          const label = `${field.label} item ${index + 1}`;
          const change = (next: string | number | undefined) => set(items.map((old, i) => (i === index ? next : old)));
          return (
            <li key={index} className="flex items-center gap-2">
              {field.options ? (
                <Select
                  aria-label={label}
                  disabled={locked}
                  value={String(item)}
                  onChange={(event) => change(field.options![event.target.selectedIndex])}
                >
                  {field.options.map((option) => (
                    <option key={String(option)} value={String(option)}>
                      {String(option)}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  aria-label={label}
                  disabled={locked}
                  type={numeric ? 'number' : 'text'}
                  step={field.item === 'integer' ? 1 : numeric ? 'any' : undefined}
                  value={String(item)}
                  onChange={(event) =>
                    change(
                      numeric
                        ? event.target.value === ''
                          ? undefined
                          : Number(event.target.value)
                        : event.target.value,
                    )
                  }
                />
              )}
              <Button
                variant="ghost"
                size="sm"
                aria-label={`Remove ${label}`}
                disabled={locked}
                onClick={() => set(items.filter((_, i) => i !== index))}
              >
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          );
        })}
      </ul>
      <Button variant="secondary" size="sm" className="mt-2" disabled={locked} onClick={() => set([...items, blank])}>
        <Plus aria-hidden className="size-4" />
        Add {field.label} item
      </Button>
      <FieldErrors id={ids.error} errors={errors} />
    </fieldset>
  );
}
