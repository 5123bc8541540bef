'use client';

import { useRef, useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import { previewGrantRestoreMutation, restoreGrantsMutation } from './restore-grants-mutations';

type Preview = {
  changes: { tool: string; now: Record<string, unknown>; then: Record<string, unknown> }[];
  skipped: { tool: string; why: string }[];
};

/** Pick a time (in your zone), see what each grant would go back to, apply. */
export function RestoreGrantsForm({ agentId }: { agentId: string }) {
  // Read at click time, not mirrored in state: a time typed before the page hydrated still counts.
  const whenInput = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const asOf = () => {
    const when = whenInput.current?.value ?? '';
    return when ? new Date(when).toISOString() : '';
  };

  const showPreview = () =>
    startTransition(async () => {
      setMessage(null);
      if (!asOf()) return setMessage({ ok: false, text: 'Pick the date and time to restore the grants to.' });
      const result = await previewGrantRestoreMutation({ agentId, asOf: asOf() });
      if (!result.ok) return setMessage({ ok: false, text: result.error });
      setPreview(result.data);
    });
  const apply = () =>
    startTransition(async () => {
      const result = await restoreGrantsMutation({ agentId, asOf: asOf() });
      if (!result.ok) return setMessage({ ok: false, text: result.error });
      setPreview(null);
      setMessage({
        ok: true,
        text: result.data.restored.length ? `Restored: ${result.data.restored.join(', ')}.` : 'Nothing to restore.',
      });
    });

  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div>
          <Label htmlFor="restore-grants-at">Restore grants as of</Label>
          <Input id="restore-grants-at" ref={whenInput} type="datetime-local" onChange={() => setPreview(null)} />
        </div>
        <Button type="button" variant="secondary" disabled={pending} onClick={showPreview}>
          Preview
        </Button>
      </div>
      {preview ? (
        <div className="flex flex-col gap-2" aria-label="Grant changes to restore">
          {preview.changes.length === 0 ? <p>The grants are as they were then: nothing to restore.</p> : null}
          {preview.changes.map((change) => (
            <div key={change.tool} className="rounded-md border border-gray-200 p-2">
              <p className="font-mono font-medium text-gray-900">{change.tool}</p>
              <ul className="mt-1 list-disc pl-5 text-gray-800">
                {Object.keys(change.then)
                  .filter((key) => JSON.stringify(change.now[key]) !== JSON.stringify(change.then[key]))
                  .map((key) => (
                    <li key={key} className="break-words">
                      {key}: {JSON.stringify(change.now[key])} → {JSON.stringify(change.then[key])}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
          {preview.skipped.map((skip) => (
            <p key={skip.tool} className="text-gray-700">
              <span className="font-mono">{skip.tool}</span>: {skip.why}
            </p>
          ))}
          {preview.changes.length > 0 ? (
            <div>
              <Button type="button" disabled={pending} aria-busy={pending} onClick={apply}>
                Apply restore
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {message && !message.ok ? <ErrorAlert>{message.text}</ErrorAlert> : null}
      {message?.ok ? (
        <p role="status" className="text-emerald-800">
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
