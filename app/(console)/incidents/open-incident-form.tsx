'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label, Select, Textarea } from '@/components/ui/field';
import {
  CONTAINMENT_LABELS,
  CONTAINMENT_OPTIONS,
  INCIDENT_SEVERITIES,
  type ContainmentOption,
} from '@/lib/incidents/schemas';
import { formatInZone, useViewerZone } from '@/components/viewer-zone';
import { openIncidentMutation } from './mutations';

type AgentOption = { id: string; name: string; status: string };

const DAYS = [
  { value: '0', label: 'Today' },
  { value: '1', label: 'Yesterday' },
  ...[2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: `${n} days ago` })),
  { value: 'date', label: 'Another date…' },
];

/**
 * The window start as people say it ("since 14:00 yesterday"): a day and a time on the viewer's own clock, turned
 * into an instant by the browser, which knows the zone. Null until the time is filled in (or the date is not real).
 */
function windowStartFrom(day: string, date: string, time: string): Date | null {
  const [hours, minutes] = time.split(':').map(Number);
  if (!time || Number.isNaN(hours) || Number.isNaN(minutes)) return null;
  let start: Date;
  if (day === 'date') {
    const [y, m, d] = date.split('-').map(Number);
    if (!date || [y, m, d].some(Number.isNaN)) return null;
    start = new Date(y, m - 1, d);
  } else {
    start = new Date();
    start.setDate(start.getDate() - Number(day));
  }
  start.setHours(hours, minutes, 0, 0);
  return Number.isNaN(start.getTime()) ? null : start;
}

/** Title, severity, which agents, since when, containment in the same step, and what reviewers do by hand meanwhile. */
export function OpenIncidentForm({ agents }: { agents: AgentOption[] }) {
  const router = useRouter();
  const zone = useViewerZone(null);
  const [allAgents, setAllAgents] = useState(false);
  const [day, setDay] = useState('0');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const start = windowStartFrom(day, date, time);

  function submit(formElement: HTMLFormElement) {
    const form = new FormData(formElement);
    if (!start) {
      setError('Window start: choose a day and a time.');
      return;
    }
    const input = {
      title: form.get('title'),
      severity: form.get('severity'),
      allAgents,
      agents: allAgents ? [] : form.getAll('agents'),
      windowStart: start.toISOString(),
      containment: form.getAll('containment') as ContainmentOption[],
      manualFallback: form.get('manualFallback'),
    };
    setError(null);
    startTransition(async () => {
      const result = await openIncidentMutation(input as Parameters<typeof openIncidentMutation>[0]);
      if (result.ok) router.push(`/incidents/${result.data.id}`);
      else setError(result.error);
    });
  }

  return (
    // onSubmit, not action=: React resets an action form after each submit, and a refusal should not cost the input.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="grid gap-5 sm:grid-cols-2"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-title">Title</Label>
        <Input id="incident-title" name="title" required maxLength={200} placeholder="Refunds to unknown accounts" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="incident-severity">Severity</Label>
        <Select id="incident-severity" name="severity" defaultValue="high">
          {INCIDENT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s[0].toUpperCase() + s.slice(1)}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="flex min-w-0 flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-gray-800">Agents</legend>
        <label className="flex items-center gap-2 text-sm font-medium text-gray-900">
          <input
            type="checkbox"
            checked={allAgents}
            onChange={(e) => setAllAgents(e.target.checked)}
            className="size-4"
          />
          All agents (present and future)
        </label>
        <div className="max-h-48 overflow-y-auto rounded-md border border-gray-200 p-2">
          {agents.length === 0 ? <p className="text-sm text-gray-600">No agents yet.</p> : null}
          <ul className="grid gap-1 sm:grid-cols-2">
            {agents.map((agent) => (
              <li key={agent.id}>
                <label
                  className={`flex items-center gap-2 rounded px-1 py-1 text-sm ${allAgents ? 'text-gray-400' : 'text-gray-900'}`}
                >
                  <input type="checkbox" name="agents" value={agent.id} disabled={allAgents} className="size-4" />
                  <span className="break-all">{agent.name}</span>
                  {agent.status === 'paused' ? <span className="text-xs text-gray-500">(paused)</span> : null}
                </label>
              </li>
            ))}
          </ul>
        </div>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-gray-800">Window start</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="incident-day" className="font-normal">
              Day
            </Label>
            <Select id="incident-day" value={day} onChange={(e) => setDay(e.target.value)}>
              {DAYS.map((d) => (
                <option key={d.value} value={d.value}>
                  {d.label}
                </option>
              ))}
            </Select>
          </div>
          {day === 'date' ? (
            <div className="flex flex-col gap-1">
              <Label htmlFor="incident-date" className="font-normal">
                Date
              </Label>
              <Input id="incident-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
            </div>
          ) : null}
          <div className="flex flex-col gap-1">
            <Label htmlFor="incident-time" className="font-normal">
              Time
            </Label>
            <Input id="incident-time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </div>
        </div>
        <p className="text-xs text-gray-600" aria-live="polite">
          {start && zone ? (
            <>
              Starts{' '}
              <span className="font-medium text-gray-900">{formatInZone(start.toISOString(), zone).slice(0, 16)}</span>{' '}
              in your time zone, {zone} ({start.toISOString().slice(0, 16).replace('T', ' ')} UTC). It ends when the
              incident is closed.
            </>
          ) : (
            <>
              On your own clock{zone ? <>, {zone}</> : null}: for “since 14:00 yesterday” choose Yesterday and 14:00. It
              ends when the incident is closed.
            </>
          )}
        </p>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-2 sm:col-span-2">
        <legend className="mb-1 text-sm font-medium text-gray-800">Containment, engaged now</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {CONTAINMENT_OPTIONS.map((option) => (
            <label key={option} className="flex items-start gap-2 text-sm text-gray-900">
              <input type="checkbox" name="containment" value={option} className="mt-0.5 size-4" />
              <span>
                {CONTAINMENT_LABELS[option]}
                {option === 'revoke-keys' ? (
                  <span className="block text-xs text-gray-600">
                    Not undone by the return to normal: new keys are issued deliberately.
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>
        <p className="text-xs text-gray-600">
          Switches engaged here are released only through this incident’s return to normal (a second admin approves).
        </p>
      </fieldset>

      <div className="flex flex-col gap-1 sm:col-span-2">
        <Label htmlFor="incident-fallback">
          Manual fallback (shown to reviewers on the affected agents’ pages while open)
        </Label>
        <Textarea
          id="incident-fallback"
          name="manualFallback"
          maxLength={2000}
          rows={3}
          placeholder="Issue refunds by hand in the billing console; ask #payments before any payout."
        />
      </div>

      <div className="flex flex-col gap-2 sm:col-span-2 sm:flex-row sm:items-center">
        <Button type="submit" variant="danger" disabled={pending}>
          Open incident
        </Button>
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      </div>
    </form>
  );
}
