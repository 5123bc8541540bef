import Link from 'next/link';
import { ACTION_STATUSES } from '@/lib/policy/action-status';
import { TIMELINE_CATEGORY_LABELS } from '@/lib/incidents/timeline/categories';
import type { TimelineFilter } from '@/lib/incidents/timeline/schemas';
import { Button } from '../ui/button';
import { Label, Select } from '../ui/field';

type Props = {
  incidentId: string;
  filter: TimelineFilter;
  options: { tools: string[]; people: { id: string; name: string }[] };
};

/** A plain GET form (works without JavaScript): kind of event, tool, current status, reviewer who decided. */
export function TimelineFilters({ incidentId, filter, options }: Props) {
  const active = Boolean(filter.category || filter.tool || filter.status || filter.reviewer);
  return (
    <form
      method="get"
      action={`/incidents/${incidentId}/timeline`}
      className="grid gap-3 border-b border-gray-200 px-4 py-3 sm:grid-cols-2 sm:px-5 lg:grid-cols-5"
    >
      <div>
        <Label htmlFor="timeline-category">Events</Label>
        <Select id="timeline-category" name="category" defaultValue={filter.category ?? ''}>
          <option value="">All events</option>
          {Object.entries(TIMELINE_CATEGORY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="timeline-tool">Tool</Label>
        <Select id="timeline-tool" name="tool" defaultValue={filter.tool ?? ''}>
          <option value="">All tools</option>
          {options.tools.map((tool) => (
            <option key={tool} value={tool}>
              {tool}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="timeline-status">Status now</Label>
        <Select id="timeline-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">Any status</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="timeline-reviewer">Decided by</Label>
        <Select id="timeline-reviewer" name="reviewer" defaultValue={filter.reviewer ?? ''}>
          <option value="">Anyone</option>
          {options.people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply</Button>
        {active ? (
          <Button asChild variant="ghost">
            <Link href={`/incidents/${incidentId}/timeline`}>Clear</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
