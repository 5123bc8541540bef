'use client';

import { Input, Label, Select } from '@/components/ui/field';
import { WINDOW_UNITS, type Duration } from './grant-form-model';

/** A window of time as an amount and a unit; the unit select is labelled "<label> unit". */
export function DurationInput({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: Duration;
  onChange: (next: Duration) => void;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          type="number"
          min={1}
          inputMode="numeric"
          className="w-24"
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
        <Select
          aria-label={`${label} unit`}
          className="w-32"
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value })}
        >
          {Object.entries(WINDOW_UNITS).map(([size, name]) => (
            <option key={size} value={size}>
              {name}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}

export function Checkbox({
  id,
  label,
  checked,
  onChange,
  hint,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 size-4 rounded border-gray-300 accent-indigo-600"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-gray-800">
          {label}
        </label>
        {hint ? <p className="text-xs text-gray-600">{hint}</p> : null}
      </div>
    </div>
  );
}

export function Hint({ children }: { children: React.ReactNode }) {
  return <p className="mt-1 text-xs text-gray-600">{children}</p>;
}
