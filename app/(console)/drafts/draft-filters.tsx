import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import type { DraftFilter } from '@/lib/drafts/draft-query';

type Props = { agents: string[]; tools: string[]; values: DraftFilter };

/** A plain GET form, like the audit log's: a filtered list is a URL, and it works without JavaScript. */
export function DraftFilters({ agents, tools, values }: Props) {
  const active = Boolean(values.agent || values.tool || values.fate);
  return (
    <form
      method="get"
      action="/drafts"
      className="grid gap-3 border-b border-gray-200 px-4 py-3 sm:grid-cols-3 sm:px-5 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]"
    >
      <div>
        <Label htmlFor="drafts-agent">Agent</Label>
        <Select id="drafts-agent" name="agent" defaultValue={values.agent ?? ''}>
          <option value="">All agents</option>
          {agents.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="drafts-tool">Tool</Label>
        <Select id="drafts-tool" name="tool" defaultValue={values.tool ?? ''}>
          <option value="">All tools</option>
          {tools.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="drafts-fate">Fate</Label>
        <Select id="drafts-fate" name="fate" defaultValue={values.fate ?? ''}>
          <option value="">Any fate</option>
          <option value="undecided">Undecided</option>
          <option value="promoted">Promoted</option>
          <option value="discarded">Discarded</option>
        </Select>
      </div>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {active ? (
          <Link
            href="/drafts"
            className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
