import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';
import { AUDIT_EVENT_LABELS } from '@/lib/audit/event-types';
import { ACTION_STATUSES } from '@/lib/policy/action-status';
import type { AuditForm } from './audit-query';
import { ZoneFields } from '@/components/viewer-zone';

type Props = {
  agents: { id: string; name: string }[];
  users: { id: string; name: string }[];
  tools: string[];
  values: AuditForm;
};

/** Event types grouped by their noun ("action.approved" under "action"), each group also choosable whole. */
const TYPE_GROUPS = Object.entries(AUDIT_EVENT_LABELS).reduce<Record<string, [string, string][]>>(
  (groups, [type, label]) => {
    const noun = type.split('.')[0];
    (groups[noun] ??= []).push([type, label]);
    return groups;
  },
  {},
);

/** A plain GET form: the filtered log is a URL that can be shared, and it works without JavaScript (times then UTC). */
export function AuditFilters({ agents, users, tools, values }: Props) {
  const active = Object.entries(values).some(([name, value]) => name !== 'tz' && value);
  return (
    <form
      method="get"
      action="/audit"
      className="grid gap-3 border-b border-gray-200 px-4 py-3 sm:grid-cols-2 sm:px-5 lg:grid-cols-4"
    >
      <div>
        <Label htmlFor="audit-agent">Agent</Label>
        <Select id="audit-agent" name="agent" defaultValue={values.agent ?? ''}>
          <option value="">All agents</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-type">Event type</Label>
        <Select id="audit-type" name="type" defaultValue={values.type ?? ''}>
          <option value="">All events</option>
          {Object.entries(TYPE_GROUPS).map(([noun, types]) => (
            <optgroup key={noun} label={noun.replace('_', ' ')}>
              <option value={`${noun}.*`}>Any {noun.replace('_', ' ')} event</option>
              {types.map(([type, label]) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-actor">Actor</Label>
        <Select id="audit-actor" name="actor" defaultValue={values.actor ?? ''}>
          <option value="">Anyone</option>
          <optgroup label="People">
            {users.map((user) => (
              <option key={user.id} value={`user:${user.id}`}>
                {user.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Agents">
            {agents.map((agent) => (
              <option key={agent.id} value={`agent:${agent.id}`}>
                {agent.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Other">
            <option value="cli">Admin CLI</option>
            <option value="system">System</option>
          </optgroup>
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-tool">Tool</Label>
        <Select id="audit-tool" name="tool" defaultValue={values.tool ?? ''}>
          <option value="">All tools</option>
          {tools.map((tool) => (
            <option key={tool} value={tool}>
              {tool}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-outcome">Outcome</Label>
        <Select id="audit-outcome" name="outcome" defaultValue={values.outcome ?? ''}>
          <option value="">Any outcome</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-action">Action</Label>
        <Input
          id="audit-action"
          name="action"
          defaultValue={values.action ?? ''}
          placeholder="Whole id, or its start or end"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div>
        <Label htmlFor="audit-trace">Trace</Label>
        <Input
          id="audit-trace"
          name="trace"
          defaultValue={values.trace ?? ''}
          placeholder="Trace id"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="hidden lg:block" />
      <div>
        <Label htmlFor="audit-from">From</Label>
        <Input
          id="audit-from"
          name="from"
          type="datetime-local"
          defaultValue={values.from ?? ''}
          aria-describedby="audit-zone-note"
        />
      </div>
      <div>
        <Label htmlFor="audit-to">To</Label>
        <Input
          id="audit-to"
          name="to"
          type="datetime-local"
          defaultValue={values.to ?? ''}
          aria-describedby="audit-zone-note"
        />
      </div>
      <div className="flex items-end gap-3 sm:col-span-2">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {active ? (
          <Link
            href="/audit"
            className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
      <ZoneFields submitted={values.tz} />
    </form>
  );
}
