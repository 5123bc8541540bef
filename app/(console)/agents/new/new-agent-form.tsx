'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { AgentOwnerOption } from '@/lib/agents/list-agent-owners';
import { createAgentMutation } from '../mutations';
import { AgentFields, type AgentFieldValues } from '../agent-fields';

const ALL_FIELDS = ['ownerId', 'environment', 'mode', 'purpose', 'monitoringNote', 'shutoffContact'] as const;

/** Create an agent (admins); on success its page opens, where keys and grants are added. */
export function NewAgentForm({ owners }: { owners: AgentOwnerOption[] }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [values, setValues] = useState<AgentFieldValues>({
    purpose: '',
    monitoringNote: '',
    shutoffContact: '',
    ownerId: '',
    environment: 'production',
    mode: 'live',
  });
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const created = await createAgentMutation({ name, ...values });
      if (!created.ok) return setError(created.error);
      router.push(`/agents/${created.data.agentId}`);
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <fieldset disabled={pending} className="grid gap-4 md:grid-cols-2">
        <div>
          <Label htmlFor="new-agent-name">Name</Label>
          <Input
            id="new-agent-name"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. support-triage"
            autoComplete="off"
            maxLength={60}
          />
          <p className="mt-1 text-xs text-gray-600">
            Lowercase letters, digits and dashes. It cannot be changed, nor ever used again.
          </p>
        </div>
        <AgentFields
          idPrefix="new-agent"
          values={values}
          set={(patch) => setValues((current) => ({ ...current, ...patch }))}
          fields={ALL_FIELDS}
          owners={owners}
          shutoffHint="Left empty: the owner's e-mail."
        />
      </fieldset>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <div>
        <Button type="submit" disabled={pending} aria-busy={pending}>
          Create agent
        </Button>
      </div>
    </form>
  );
}
