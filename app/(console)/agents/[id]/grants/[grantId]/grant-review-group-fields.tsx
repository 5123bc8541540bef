'use client';

import { Plus } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';
import { Checkbox, Hint } from './duration-input';
import { newEscalationStep, type EscalationDraft, type GrantFormState } from './grant-form-model';

export type GroupOption = { id: string; name: string; memberCount: number };
type Props = { state: GrantFormState; groups: GroupOption[]; onChange: (patch: Partial<GrantFormState>) => void };

const members = (group: GroupOption) =>
  group.memberCount === 0 ? 'no members yet' : `${group.memberCount} member${group.memberCount === 1 ? '' : 's'}`;

/**
 * Who reviews: groups that must each approve (finance AND security), the group asked first, and the escalation
 * ladder (undecided after N minutes → the next group is asked). Groups are made by admins under Reviewers.
 */
export function GrantReviewGroupFields({ state, groups, onChange }: Props) {
  if (groups.length === 0) {
    return (
      <p className="text-sm text-gray-700">
        No reviewer groups yet. An admin creates them under{' '}
        <Link href="/reviewers" className="text-indigo-700 hover:underline">
          Reviewers
        </Link>
        ; until then any reviewer may approve this grant&apos;s calls.
      </p>
    );
  }
  const toggle = (groupId: string, on: boolean) =>
    onChange({
      requiredGroups: on ? [...state.requiredGroups, groupId] : state.requiredGroups.filter((id) => id !== groupId),
    });

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset className="rounded-md border border-gray-200 p-3">
        <legend className="px-1 text-sm font-semibold text-gray-900">Required groups</legend>
        <p className="mb-2 text-xs text-gray-600">
          One approval from a member of each ticked group, each by a different reviewer. Ticking any forces review.
        </p>
        <div className="flex flex-col gap-2">
          {groups.map((group) => (
            <Checkbox
              key={group.id}
              id={`grant-required-group-${group.id}`}
              label={group.name}
              hint={members(group)}
              checked={state.requiredGroups.includes(group.id)}
              onChange={(on) => toggle(group.id, on)}
            />
          ))}
        </div>
      </fieldset>
      <div>
        <Label htmlFor="grant-review-group">Review group asked first</Label>
        <Select
          id="grant-review-group"
          value={state.reviewGroupId}
          onChange={(e) => onChange({ reviewGroupId: e.target.value })}
        >
          <option value="">Every reviewer</option>
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name} ({members(group)})
            </option>
          ))}
        </Select>
        <Hint>Notified first and sees the call as waiting for them. Any reviewer may still decide.</Hint>
      </div>
      <EscalationLadderEditor
        steps={state.escalationLadder}
        groups={groups}
        onChange={(escalationLadder) => onChange({ escalationLadder })}
      />
    </div>
  );
}

function EscalationLadderEditor({
  steps,
  groups,
  onChange,
}: {
  steps: EscalationDraft[];
  groups: GroupOption[];
  onChange: (next: EscalationDraft[]) => void;
}) {
  const set = (key: string, patch: Partial<EscalationDraft>) =>
    onChange(steps.map((step) => (step.key === key ? { ...step, ...patch } : step)));
  return (
    <fieldset className="rounded-md border border-gray-200 p-3 sm:col-span-2">
      <legend className="px-1 text-sm font-semibold text-gray-900">Escalation ladder</legend>
      <p className="mb-2 text-xs text-gray-600">
        Still undecided this many minutes after the proposal, the call is handed to the next group. Each step comes
        later than the one before.
      </p>
      {steps.length === 0 ? (
        <p className="mb-2 text-sm text-gray-600">
          No escalation: the call waits for its reviewers until the review deadline.
        </p>
      ) : null}
      <ol className="flex flex-col gap-2">
        {steps.map((step, index) => (
          <li
            key={step.key}
            role="group"
            aria-label={`Escalation step ${index + 1}`}
            className="flex flex-wrap items-end gap-3"
          >
            <div>
              <Label htmlFor={`grant-escalation-${step.key}-after`}>After (minutes)</Label>
              <Input
                id={`grant-escalation-${step.key}-after`}
                type="number"
                min={1}
                max={10080}
                className="w-28"
                value={step.afterMinutes}
                onChange={(e) => set(step.key, { afterMinutes: e.target.value })}
              />
            </div>
            <div className="min-w-48 flex-1 sm:flex-none">
              <Label htmlFor={`grant-escalation-${step.key}-group`}>Escalate to</Label>
              <Select
                id={`grant-escalation-${step.key}-group`}
                value={step.groupId}
                onChange={(e) => set(step.key, { groupId: e.target.value })}
              >
                <option value="">Choose a group</option>
                {groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </Select>
            </div>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onChange(steps.filter((item) => item.key !== step.key))}
              aria-label={`Remove escalation step ${index + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {steps.length < 5 ? (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          onClick={() => onChange([...steps, newEscalationStep()])}
        >
          <Plus aria-hidden className="size-4" />
          Add escalation step
        </Button>
      ) : null}
    </fieldset>
  );
}
