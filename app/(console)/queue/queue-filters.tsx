'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';

type Props = { agents: string[]; tools: string[]; selected: { agent?: string; tool?: string } };

/**
 * Filters live in the URL (?agent=&tool=), so a filtered queue can be linked to; the server does the filtering.
 * Choosing an option applies it at once; without JavaScript the form submits as a plain GET.
 */
export function QueueFilters({ agents, tools, selected }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function apply(name: 'agent' | 'tool', value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  return (
    <form method="get" className="flex flex-wrap items-end gap-3 border-b border-gray-200 px-4 py-3 sm:px-5">
      <FilterSelect name="agent" label="Agent" options={withSelected(agents, selected.agent)} value={selected.agent} onChange={apply} />
      <FilterSelect name="tool" label="Tool" options={withSelected(tools, selected.tool)} value={selected.tool} onChange={apply} />
      <noscript>
        <Button type="submit" variant="secondary">Apply filters</Button>
      </noscript>
      {selected.agent || selected.tool ? (
        <Link href={pathname} className="h-10 content-center text-sm font-medium text-indigo-700 hover:underline">Clear filters</Link>
      ) : null}
    </form>
  );
}

function FilterSelect(props: { name: 'agent' | 'tool'; label: string; options: string[]; value?: string; onChange: (name: 'agent' | 'tool', value: string) => void }) {
  const id = `filter-${props.name}`;
  return (
    <div className="w-full sm:w-56">
      <Label htmlFor={id}>{props.label}</Label>
      <Select id={id} name={props.name} value={props.value ?? ''} onChange={(event) => props.onChange(props.name, event.target.value)}>
        <option value="">All</option>
        {props.options.map((option) => (
          <option key={option} value={option}>{option}</option>
        ))}
      </Select>
    </div>
  );
}

/** A linked filter whose value has nothing pending any more stays selectable, so the menu shows what is applied. */
function withSelected(options: string[], selected?: string): string[] {
  return selected && !options.includes(selected) ? [selected, ...options] : options;
}
