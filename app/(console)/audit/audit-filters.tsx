import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';

type Props = {
  agents: { id: string; name: string }[];
  values: { agent?: string; action?: string; from: string; to: string };
};

/** A plain GET form: the filtered log is a URL that can be shared, and it works without JavaScript. */
export function AuditFilters({ agents, values }: Props) {
  const active = Boolean(values.agent || values.action || values.from || values.to);
  return (
    <form method="get" action="/audit" className="grid gap-3 border-b border-gray-200 px-4 py-3 sm:grid-cols-2 sm:px-5 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
      <div>
        <Label htmlFor="audit-agent">Agent</Label>
        <Select id="audit-agent" name="agent" defaultValue={values.agent ?? ''}>
          <option value="">All agents</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>{agent.name}</option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="audit-action">Action</Label>
        <Input id="audit-action" name="action" defaultValue={values.action ?? ''} placeholder="Action id" autoComplete="off" spellCheck={false} />
      </div>
      <div>
        <Label htmlFor="audit-from">From</Label>
        <Input id="audit-from" name="from" type="datetime-local" defaultValue={values.from} aria-describedby="audit-utc-note" />
      </div>
      <div>
        <Label htmlFor="audit-to">To</Label>
        <Input id="audit-to" name="to" type="datetime-local" defaultValue={values.to} aria-describedby="audit-utc-note" />
      </div>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary">Apply filters</Button>
        {active ? <Link href="/audit" className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline">Clear</Link> : null}
      </div>
      <p id="audit-utc-note" className="text-xs text-gray-600 sm:col-span-2 lg:col-span-5">From and To are in UTC, both inclusive.</p>
    </form>
  );
}
