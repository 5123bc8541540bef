'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label, Select, Textarea } from '@/components/ui/field';
import { engageSwitchMutation } from './mutations';

type Props = { admin: boolean; agents: { id: string; name: string }[]; tools: string[] };
type Scope = 'global' | 'agent' | 'tool' | 'agent-tool';

const SCOPES: { value: Scope; label: string; adminOnly: boolean }[] = [
  { value: 'global', label: 'Everything (all agents)', adminOnly: true },
  { value: 'agent', label: 'One agent', adminOnly: false },
  { value: 'tool', label: 'One tool, for every agent', adminOnly: true },
  { value: 'agent-tool', label: 'One tool, for one agent', adminOnly: false },
];

/** Scope, target, effect and a required reason: the reason is shown to the agent in every refusal. */
export function EngageSwitchForm({ admin, agents, tools }: Props) {
  const scopes = SCOPES.filter((s) => admin || !s.adminOnly);
  const [scope, setScope] = useState<Scope>(scopes[0].value);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const needsAgent = scope === 'agent' || scope === 'agent-tool';
  const needsTool = scope === 'tool' || scope === 'agent-tool';

  function submit(formElement: HTMLFormElement) {
    const form = new FormData(formElement);
    const input = {
      scope,
      effect: form.get('effect'),
      reason: form.get('reason'),
      ...(needsAgent ? { agent: form.get('agent') } : {}),
      ...(needsTool ? { tool: form.get('tool') } : {}),
    };
    startTransition(async () => {
      const result = await engageSwitchMutation(input as Parameters<typeof engageSwitchMutation>[0]);
      setMessage(
        result.ok
          ? {
              ok: true,
              text: result.data.changed ? 'Switch engaged.' : 'That switch was already engaged: nothing changed.',
            }
          : { ok: false, text: result.error },
      );
      if (result.ok) formElement.reset();
    });
  }

  return (
    // onSubmit, not action=: React resets an action form after each submit, and a refusal should not cost the input.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="grid gap-4 sm:grid-cols-2"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="switch-scope">Scope</Label>
        <Select id="switch-scope" name="scope" value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
          {scopes.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="switch-effect">Effect</Label>
        <Select id="switch-effect" name="effect" defaultValue="block">
          <option value="block">Block: refuse proposals, claims and approvals</option>
          <option value="review-all">Review all: every proposal goes to review</option>
          <option value="draft-only">Draft only: writes become drafts</option>
        </Select>
      </div>
      {needsAgent ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor="switch-agent">Agent</Label>
          <Select id="switch-agent" name="agent" required>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {needsTool ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor="switch-tool">Tool</Label>
          {tools.length > 0 ? (
            <Select id="switch-tool" name="tool" required>
              {tools.map((tool) => (
                <option key={tool} value={tool}>
                  {tool}
                </option>
              ))}
            </Select>
          ) : (
            <Input id="switch-tool" name="tool" required placeholder="refund.issue" />
          )}
        </div>
      ) : null}
      <div className="flex flex-col gap-1 sm:col-span-2">
        <Label htmlFor="switch-reason">Reason (shown to the agent and on every affected action)</Label>
        <Textarea id="switch-reason" name="reason" required maxLength={500} rows={2} />
      </div>
      <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:items-center">
        <Button type="submit" variant="danger" disabled={pending}>
          Engage switch
        </Button>
        {message ? (
          message.ok ? (
            <p role="status" className="text-sm text-emerald-800">
              {message.text}
            </p>
          ) : (
            <ErrorAlert>{message.text}</ErrorAlert>
          )
        ) : null}
      </div>
    </form>
  );
}
