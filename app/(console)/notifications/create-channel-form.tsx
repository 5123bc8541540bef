'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';
import type { OversightKind } from '@/lib/notifications/oversight-events';
import type { ChannelKind } from '@/lib/notifications/schemas';
import { createChannelMutation } from './mutations';
import { OneTimeSecret } from './one-time-secret';
import { OversightFieldset } from './oversight-fieldset';

const EMPTY = { name: '', kind: 'webhook' as ChannelKind, url: '', groupId: '', oversight: [] as OversightKind[] };

/** "Add channel": name, kind, URL and the group it listens to; a webhook's signing secret appears once, below. */
export function CreateChannelForm({ groups }: { groups: { id: string; name: string }[] }) {
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<{ name: string; kind: ChannelKind; secret: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const set = (change: Partial<typeof EMPTY>) => setValues((current) => ({ ...current, ...change }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await createChannelMutation({ ...values, groupId: values.groupId || null });
      if (!result.ok) return setError(result.error);
      setError(null);
      setCreated(result.data);
      setValues(EMPTY);
    });
  };

  return (
    <div className="flex flex-col gap-3">
      <form
        onSubmit={submit}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_9rem_minmax(0,1.5fr)_minmax(0,1fr)] lg:items-end"
      >
        <div>
          <Label htmlFor="channel-name">Name</Label>
          <Input
            id="channel-name"
            required
            maxLength={80}
            value={values.name}
            onChange={(e) => set({ name: e.target.value })}
            placeholder="e.g. finance-oncall"
          />
        </div>
        <div>
          <Label htmlFor="channel-kind">Kind</Label>
          <Select id="channel-kind" value={values.kind} onChange={(e) => set({ kind: e.target.value as ChannelKind })}>
            <option value="webhook">Webhook</option>
            <option value="slack">Slack</option>
          </Select>
        </div>
        <div>
          <Label htmlFor="channel-url">URL</Label>
          <Input
            id="channel-url"
            type="url"
            required
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={values.url}
            onChange={(e) => set({ url: e.target.value })}
            placeholder={
              values.kind === 'slack' ? 'https://hooks.slack.com/services/…' : 'https://example.com/hooks/warden'
            }
          />
        </div>
        <div>
          <Label htmlFor="channel-group">Reviewer group</Label>
          <Select id="channel-group" value={values.groupId} onChange={(e) => set({ groupId: e.target.value })}>
            <option value="">Every group</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <OversightFieldset
            idPrefix="new-channel-oversight"
            value={values.oversight}
            onChange={(oversight) => set({ oversight })}
          />
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" disabled={pending} aria-busy={pending}>
            Add channel
          </Button>
        </div>
      </form>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {created ? <OneTimeSecret {...created} /> : null}
    </div>
  );
}
