'use client';

import { Input, Label, Select, Textarea } from '@/components/ui/field';
import { Checkbox, DurationInput, Hint } from './duration-input';
import type { GrantFormState } from './grant-form-model';

type Props = { state: GrantFormState; onChange: (patch: Partial<GrantFormState>) => void };

/** Approvals, expiry, environment and reason: who must agree, and when and where the grant holds. */
export function GrantScopeFields({ state, onChange }: Props) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <Label htmlFor="grant-approvals">Approvals required</Label>
        <Input
          id="grant-approvals"
          type="number"
          min={0}
          max={5}
          className="w-24"
          value={state.approvals}
          onChange={(e) => onChange({ approvals: e.target.value })}
        />
        <Hint>0 = calls run without a person; up to 5 distinct reviewers.</Hint>
      </div>
      <div>
        <Label htmlFor="grant-expires-at">Expires at (UTC)</Label>
        <Input
          id="grant-expires-at"
          type="datetime-local"
          value={state.expiresAt}
          onChange={(e) => onChange({ expiresAt: e.target.value })}
        />
        <Hint>Empty = never. From this instant every call is blocked.</Hint>
      </div>
      <div>
        <Label htmlFor="grant-environment">Environment</Label>
        <Select
          id="grant-environment"
          value={state.environment}
          onChange={(e) => onChange({ environment: e.target.value as GrantFormState['environment'] })}
        >
          <option value="any">Any environment</option>
          <option value="test">Test only</option>
          <option value="production">Production only</option>
        </Select>
      </div>
      <div className="flex items-end pb-2">
        <Checkbox
          id="grant-require-reason"
          label="Require a reason"
          checked={state.requireReason}
          onChange={(requireReason) => onChange({ requireReason })}
        />
      </div>
      <div>
        <Label htmlFor="grant-review-timeout">Review deadline (minutes)</Label>
        <Input
          id="grant-review-timeout"
          type="number"
          min={1}
          max={10080}
          className="w-28"
          value={state.reviewTimeoutMinutes}
          onChange={(e) => onChange({ reviewTimeoutMinutes: e.target.value })}
        />
        <Hint>Undecided by then, the action expires: it is blocked, never approved.</Hint>
      </div>
      <div className="flex items-end pb-2">
        <Checkbox
          id="grant-owner-may-approve"
          label="The agent's owner may approve"
          checked={state.ownerMayApprove}
          onChange={(ownerMayApprove) => onChange({ ownerMayApprove })}
        />
      </div>
    </div>
  );
}

/** Volume limits: per time window, per trace, pending reviews, and repeated identical calls. */
export function GrantLimitFields({ state, onChange }: Props) {
  const { rateLimit, loop } = state;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <Label htmlFor="grant-rate-limit-count">Rate limit</Label>
        <div className="flex items-center gap-2">
          <Input
            id="grant-rate-limit-count"
            type="number"
            min={1}
            className="w-24"
            value={rateLimit.count}
            onChange={(e) => onChange({ rateLimit: { ...rateLimit, count: e.target.value } })}
          />
          <span className="text-sm text-gray-700">calls</span>
        </div>
        <Hint>Empty = no rate limit. Calls beyond it are throttled (HTTP 429).</Hint>
      </div>
      <DurationInput
        id="grant-rate-limit-window"
        label="Rate limit window"
        value={rateLimit}
        onChange={(next) => onChange({ rateLimit: { ...rateLimit, ...next } })}
      />
      <div>
        <Label htmlFor="grant-max-calls-per-trace">Max calls per trace</Label>
        <Input
          id="grant-max-calls-per-trace"
          type="number"
          min={1}
          className="w-24"
          value={state.maxCallsPerTrace}
          onChange={(e) => onChange({ maxCallsPerTrace: e.target.value })}
        />
      </div>
      <div>
        <Label htmlFor="grant-max-pending">Max pending</Label>
        <Input
          id="grant-max-pending"
          type="number"
          min={0}
          className="w-24"
          value={state.maxPending}
          onChange={(e) => onChange({ maxPending: e.target.value })}
        />
        <Hint>Actions of this agent waiting for review at once.</Hint>
      </div>
      <fieldset className="rounded-md border border-gray-200 p-3 sm:col-span-2">
        <legend className="px-1 text-sm font-semibold text-gray-900">Loop detection</legend>
        <Checkbox
          id="grant-loop-enabled"
          label="Block repeated identical calls"
          checked={loop.enabled}
          onChange={(enabled) => onChange({ loop: { ...loop, enabled } })}
        />
        {loop.enabled ? (
          <div className="mt-3 grid gap-4 sm:grid-cols-3">
            <div>
              <Label htmlFor="grant-loop-repeats">Repeats allowed</Label>
              <Input
                id="grant-loop-repeats"
                type="number"
                min={1}
                className="w-24"
                value={loop.maxRepeats}
                onChange={(e) => onChange({ loop: { ...loop, maxRepeats: e.target.value } })}
              />
            </div>
            <DurationInput
              id="grant-loop-window"
              label="Loop window"
              value={loop}
              onChange={(next) => onChange({ loop: { ...loop, ...next } })}
            />
            <div className="flex items-end pb-2">
              <Checkbox
                id="grant-loop-pause"
                label="Pause the agent"
                checked={loop.pauseAgent}
                onChange={(pauseAgent) => onChange({ loop: { ...loop, pauseAgent } })}
              />
            </div>
          </div>
        ) : null}
      </fieldset>
    </div>
  );
}

/** Calls on behalf of someone: a signed requester assertion that verifies, with these roles and claims. */
export function GrantRequesterFields({ state, onChange }: Props) {
  const { requester } = state;
  return (
    <div>
      <Checkbox
        id="grant-requester-required"
        label="Require a verified requester"
        hint="The agent must forward a signed assertion of the person it acts for (see the requester key below)."
        checked={requester.required}
        onChange={(required) => onChange({ requester: { ...requester, required } })}
      />
      {requester.required ? (
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <div>
            <Label htmlFor="grant-requester-roles">Requester roles (comma-separated)</Label>
            <Input
              id="grant-requester-roles"
              value={requester.roles}
              onChange={(e) => onChange({ requester: { ...requester, roles: e.target.value } })}
            />
          </div>
          <div>
            <Label htmlFor="grant-requester-attributes">Requester attributes (one claim=value a line)</Label>
            <Textarea
              id="grant-requester-attributes"
              className="min-h-16 font-mono"
              value={requester.attributes}
              onChange={(e) => onChange({ requester: { ...requester, attributes: e.target.value } })}
            />
          </div>
        </div>
      ) : null}
    </div>
  );
}
