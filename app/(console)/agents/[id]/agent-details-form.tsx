'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import type { AgentOwnerOption } from '@/lib/agents/list-agent-owners';
import { AgentFields, type AgentFieldValues } from '../agent-fields';
import { updateAgentMutation } from './mutations';

const OWNER_FIELDS = ['purpose', 'monitoringNote', 'shutoffContact'] as const;
const ADMIN_FIELDS = ['ownerId', 'environment', 'purpose', 'monitoringNote', 'shutoffContact'] as const;

/** The shared agent fields, plus the manual fallback, which only an existing agent's page edits. */
type DetailValues = AgentFieldValues & { manualFallback: string };

type Props = {
  agentId: string;
  version: number;
  initial: DetailValues;
  /** Admins: also owner (a transfer) and environment. Mode stays on its switch above. */
  owners: AgentOwnerOption[] | null;
};

/**
 * Edits the agent's details, based on the version shown: if someone else saved first, the save is refused with a
 * message and nothing is overwritten; reloading shows their change.
 */
export function AgentDetailsForm({ agentId, version, initial, owners }: Props) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [basedOn, setBasedOn] = useState(version);
  const [shown, setShown] = useState({ version, initial });
  // The page re-rendered with a newer version. After this form's own save (version === basedOn) or with no unsaved
  // edits, the fields take the server's values (a transfer may have moved the shutoff contact); unsaved edits stay on
  // the version they were made on, so saving them is refused rather than overwriting.
  if (shown.version !== version) {
    const untouched = version === basedOn || same(values, shown.initial) || same(values, initial);
    setShown({ version, initial });
    if (untouched) {
      setValues(initial);
      setBasedOn(version);
    }
  }
  const [result, setResult] = useState<{ ok: true; message: string } | { ok: false; error: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { ownerId, environment, mode: _mode, ...ownerFields } = values;
    const fields = owners ? { ...ownerFields, ownerId, environment } : ownerFields;
    startTransition(async () => {
      const saved = await updateAgentMutation({ agentId, expectedVersion: basedOn, fields });
      if (!saved.ok) return setResult(saved);
      setBasedOn(saved.data.version);
      setResult({ ok: true, message: saved.data.changed ? 'Details saved.' : 'Nothing to save: no field changed.' });
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} aria-label="Edit details" className="flex flex-col gap-4">
      <fieldset disabled={pending} className="grid gap-4 md:grid-cols-2">
        <AgentFields
          idPrefix="agent"
          values={values}
          set={(patch) => setValues((current) => ({ ...current, ...patch }))}
          fields={owners ? ADMIN_FIELDS : OWNER_FIELDS}
          owners={owners ?? undefined}
          shutoffRequired
          shutoffHint="Required. It follows a transfer when it was the previous owner's e-mail."
        />
        <div className="md:col-span-2">
          <Label htmlFor="agent-fallback">Manual fallback</Label>
          <Textarea
            id="agent-fallback"
            maxLength={2000}
            value={values.manualFallback}
            onChange={(e) => setValues((current) => ({ ...current, manualFallback: e.target.value }))}
            placeholder="What reviewers do by hand while this agent is stopped, e.g. where to issue refunds and who to tell"
          />
          <p className="mt-1 text-xs text-gray-600">
            Shown to reviewers on this agent&apos;s page and on its actions while it is paused.
          </p>
        </div>
      </fieldset>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {result.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Save details
        </Button>
      </div>
    </form>
  );
}

function same(a: DetailValues, b: DetailValues): boolean {
  return (Object.keys(a) as (keyof DetailValues)[]).every((field) => a[field] === b[field]);
}
