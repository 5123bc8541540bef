'use client';

import { Input, Label, Select, Textarea } from '@/components/ui/field';
import type { AgentOwnerOption } from '@/lib/agents/list-agent-owners';

/** The agent's fields as the new-agent form and the edit form both show them (ids prefixed per form). */
export type AgentFieldValues = {
  purpose: string;
  monitoringNote: string;
  shutoffContact: string;
  ownerId: string;
  environment: 'test' | 'production';
  mode: 'live' | 'draft_only';
};

type Props<K extends keyof AgentFieldValues> = {
  idPrefix: string;
  values: AgentFieldValues;
  set: (patch: Partial<AgentFieldValues>) => void;
  /** Which fields this person may change; the rest are not shown. */
  fields: readonly K[];
  owners?: AgentOwnerOption[];
  shutoffHint: string;
  /** Editing: a contact must stay; creating: empty means the owner's e-mail. */
  shutoffRequired?: boolean;
};

export function AgentFields<K extends keyof AgentFieldValues>({
  idPrefix,
  values,
  set,
  fields,
  owners,
  shutoffHint,
  shutoffRequired = false,
}: Props<K>) {
  const has = (field: keyof AgentFieldValues) => (fields as readonly string[]).includes(field);
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      {has('ownerId') && owners ? (
        <div>
          <Label htmlFor={id('owner')}>Owner</Label>
          <Select id={id('owner')} required value={values.ownerId} onChange={(e) => set({ ownerId: e.target.value })}>
            <option value="" disabled>
              Choose an owner
            </option>
            {owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name} ({owner.email})
              </option>
            ))}
          </Select>
          <p className="mt-1 text-xs text-gray-600">
            The person who answers for the agent: a user with the owner or admin role.
          </p>
        </div>
      ) : null}
      {has('environment') ? (
        <div>
          <Label htmlFor={id('environment')}>Environment</Label>
          <Select
            id={id('environment')}
            value={values.environment}
            onChange={(e) => set({ environment: e.target.value as AgentFieldValues['environment'] })}
          >
            <option value="production">Production</option>
            <option value="test">Test</option>
          </Select>
        </div>
      ) : null}
      {has('mode') ? (
        <div>
          <Label htmlFor={id('mode')}>Mode</Label>
          <Select
            id={id('mode')}
            value={values.mode}
            onChange={(e) => set({ mode: e.target.value as AgentFieldValues['mode'] })}
          >
            <option value="live">Live</option>
            <option value="draft_only">Draft-only (every write becomes a draft for a person)</option>
          </Select>
        </div>
      ) : null}
      {has('purpose') ? (
        <div className="md:col-span-2">
          <Label htmlFor={id('purpose')}>Purpose</Label>
          <Textarea
            id={id('purpose')}
            maxLength={500}
            value={values.purpose}
            onChange={(e) => set({ purpose: e.target.value })}
            placeholder="What this agent is for, in a sentence or two"
          />
        </div>
      ) : null}
      {has('monitoringNote') ? (
        <div className="md:col-span-2">
          <Label htmlFor={id('monitoring')}>Monitoring note</Label>
          <Textarea
            id={id('monitoring')}
            maxLength={1000}
            value={values.monitoringNote}
            onChange={(e) => set({ monitoringNote: e.target.value })}
            placeholder="Where its logs and alerts are, and who watches them"
          />
        </div>
      ) : null}
      {has('shutoffContact') ? (
        <div className="md:col-span-2">
          <Label htmlFor={id('shutoff')}>Shutoff contact</Label>
          <Input
            id={id('shutoff')}
            required={shutoffRequired}
            maxLength={200}
            value={values.shutoffContact}
            onChange={(e) => set({ shutoffContact: e.target.value })}
            placeholder="Person, rota or phone that can stop it outside Warden"
          />
          <p className="mt-1 text-xs text-gray-600">{shutoffHint}</p>
        </div>
      ) : null}
    </>
  );
}
