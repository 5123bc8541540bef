'use client';

import { OVERSIGHT_KIND_LABELS, OVERSIGHT_KINDS, type OversightKind } from '@/lib/notifications/oversight-events';

/** The oversight events a channel also receives, as checkboxes (for admins' channels; reviewers' need none). */
export function OversightFieldset({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: OversightKind[];
  onChange: (kinds: OversightKind[]) => void;
}) {
  const toggle = (kind: OversightKind, on: boolean) =>
    onChange(OVERSIGHT_KINDS.filter((k) => (k === kind ? on : value.includes(k))));
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-sm font-medium text-gray-900">Oversight events</legend>
      <p className="text-xs text-gray-600">Besides review requests: what admins should hear about at once.</p>
      {OVERSIGHT_KINDS.map((kind) => (
        <label key={kind} htmlFor={`${idPrefix}-${kind}`} className="flex items-start gap-2 text-sm text-gray-800">
          <input
            id={`${idPrefix}-${kind}`}
            type="checkbox"
            className="mt-0.5 size-4 rounded border-gray-300"
            checked={value.includes(kind)}
            onChange={(event) => toggle(kind, event.target.checked)}
          />
          {OVERSIGHT_KIND_LABELS[kind]}
        </label>
      ))}
    </fieldset>
  );
}
