'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { SlidersHorizontal } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link';
import { Input, Label, Select } from '@/components/ui/field';
import type { QueueFacets } from '@/lib/actions/count-pending-facets';
import { ACTION_LEVEL_LABELS, ACTION_LEVELS } from '@/lib/policy/action-levels';
import { RISK_FLAG_CODES, RISK_FLAGS, type RiskSeverity } from '@/lib/review/assess-risk';
import { QUEUE_SORT_LABELS, QUEUE_SORTS } from '@/lib/review/queue-query';
import { QUEUE_AGE_LABELS, type QueueAge, type QueueFilter } from '@/lib/review/schemas';
import { count, useLiveQueue } from './live-queue';

type Name = 'agent' | 'tool' | 'level' | 'risk' | 'requester' | 'age' | 'mine' | 'sort' | 'trace';

const REQUESTER_DEBOUNCE_MS = 400;

/**
 * Filters and the order live in the URL (?agent=&tool=&level=&risk=&requester=&age=&mine=1&sort=), so a filtered
 * queue can be linked to; the database filters and counts. A choice applies at once; without JavaScript the form
 * submits as a plain GET. The number beside an agent or a risk flag is what the queue would show on choosing it
 * (faceted counts, lib/actions/count-pending-facets.ts), kept live. On a phone the filters fold behind a button,
 * so the first row is on the first screen.
 */
export function QueueFilters() {
  const { state, query, canDecide } = useLiveQueue();
  const selected = query.filter;
  const counts = state.facets;
  const { agents, tools } = counts;
  const [expanded, setExpanded] = useState(false);
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [requester, setRequester] = useState(selected.requester ?? '');
  // "Clear filters" (or Back) removed the requester from the URL: empty the box too, without fighting the typist.
  const [shownRequester, setShownRequester] = useState(selected.requester);
  if (shownRequester !== selected.requester) {
    setShownRequester(selected.requester);
    if (!selected.requester) setRequester('');
  }

  function apply(name: Name, value: string) {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  useEffect(() => {
    if (requester.trim() === (selected.requester ?? '')) return;
    const timer = setTimeout(() => apply('requester', requester.trim()), REQUESTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only typing schedules a new search, not a new URL arriving
  }, [requester]);

  const agentCount = (name: string) => counts.byAgent.find((entry) => entry.name === name)?.count ?? 0;
  const filterCount = Object.values(selected).filter(Boolean).length;
  const filtered = filterCount > 0;

  return (
    <div className="border-b border-gray-200">
      <div className="flex items-center justify-between gap-2 px-4 pt-3 sm:hidden">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={expanded}
          aria-controls="queue-filter-form"
          onClick={() => setExpanded(!expanded)}
        >
          <SlidersHorizontal aria-hidden className="size-4" />
          {filtered ? `Filters (${filterCount})` : 'Filters'}
        </Button>
        {filtered ? (
          <IntentPrefetchLink href={pathname} className="text-sm font-medium text-indigo-700 hover:underline">
            Clear filters
          </IntentPrefetchLink>
        ) : null}
      </div>
      <form
        id="queue-filter-form"
        method="get"
        className={cn('grid-cols-2 gap-3 px-4 py-3 sm:grid sm:px-5 lg:grid-cols-4', expanded ? 'grid' : 'hidden')}
        onSubmit={(event) => event.preventDefault()}
      >
        <FilterSelect
          name="agent"
          label="Agent"
          value={selected.agent}
          onChange={apply}
          options={withSelected(agents, selected.agent).map((agent) => ({
            value: agent,
            label: `${agent} (${count(agentCount(agent))})`,
          }))}
        />
        <FilterSelect
          name="tool"
          label="Tool"
          value={selected.tool}
          onChange={apply}
          options={withSelected(tools, selected.tool).map((tool) => ({ value: tool, label: tool }))}
        />
        <FilterSelect
          name="level"
          label="Action level"
          value={selected.level}
          onChange={apply}
          options={ACTION_LEVELS.map((level) => ({ value: level, label: ACTION_LEVEL_LABELS[level] }))}
        />
        <FilterSelect
          name="risk"
          label="Risk flag"
          value={selected.risk}
          onChange={apply}
          options={RISK_FLAG_CODES.map((code) => ({
            value: code,
            label: `${RISK_FLAGS[code].label} (${count(counts.byRisk[code] ?? 0)})`,
          }))}
        />
        <div>
          <Label htmlFor="filter-requester">Requester</Label>
          <Input
            id="filter-requester"
            name="requester"
            type="search"
            placeholder="Name or email"
            value={requester}
            onChange={(event) => setRequester(event.target.value)}
            onKeyDown={(event) => event.key === 'Enter' && apply('requester', requester.trim())}
          />
        </div>
        <FilterSelect
          name="age"
          label="Age"
          value={selected.age}
          onChange={apply}
          options={(Object.keys(QUEUE_AGE_LABELS) as QueueAge[]).map((age) => ({
            value: age,
            label: QUEUE_AGE_LABELS[age],
          }))}
        />
        <FilterSelect
          name="sort"
          label="Order"
          value={query.sort === 'newest' ? undefined : query.sort}
          onChange={apply}
          allLabel={QUEUE_SORT_LABELS.newest}
          options={QUEUE_SORTS.filter((sort) => sort !== 'newest').map((sort) => ({
            value: sort,
            label: QUEUE_SORT_LABELS[sort],
          }))}
        />
        <div className="col-span-2 flex flex-wrap items-end gap-x-4 lg:col-span-1">
          {canDecide ? (
            <label className="flex h-10 items-center gap-2 text-sm font-medium text-gray-800">
              {/* Uncontrolled, so it ticks at once; the key resets it to the URL's value when that changes. */}
              <input
                key={String(Boolean(selected.mine))}
                type="checkbox"
                name="mine"
                value="1"
                defaultChecked={Boolean(selected.mine)}
                className="size-4 accent-indigo-600"
                onChange={(event) => apply('mine', event.target.checked ? '1' : '')}
              />
              Waiting for me ({count(counts.waitingForMe)})
            </label>
          ) : null}
          <noscript>
            <Button type="submit" variant="secondary">
              Apply filters
            </Button>
          </noscript>
          {filtered ? (
            <IntentPrefetchLink
              href={pathname}
              className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline max-sm:hidden"
            >
              Clear filters
            </IntentPrefetchLink>
          ) : null}
        </div>
      </form>
      <div className={cn('sm:block', expanded ? 'block' : 'hidden')}>
        <FacetCounts counts={counts} selected={selected} onToggle={apply} />
      </div>
    </div>
  );
}

/** Counts per agent and per risk flag at a glance; each one toggles its filter. */
function FacetCounts({
  counts,
  selected,
  onToggle,
}: {
  counts: QueueFacets;
  selected: QueueFilter;
  onToggle: (name: Name, value: string) => void;
}) {
  const risks = RISK_FLAG_CODES.filter((code) => (counts.byRisk[code] ?? 0) > 0 || selected.risk === code);
  if (counts.byAgent.length === 0 && risks.length === 0) return null;
  return (
    <div className="flex flex-col gap-2 px-4 pb-3 text-xs sm:px-5" aria-label="Counts">
      {counts.byAgent.length > 0 ? (
        <FacetRow label="Per agent">
          {counts.byAgent.map(({ name, count }) => (
            <Chip
              key={name}
              pressed={selected.agent === name}
              onClick={() => onToggle('agent', selected.agent === name ? '' : name)}
              label={name}
              count={count}
            />
          ))}
        </FacetRow>
      ) : null}
      {risks.length > 0 ? (
        <FacetRow label="Per risk">
          {risks.map((code) => (
            <Chip
              key={code}
              tone={RISK_FLAGS[code].severity}
              pressed={selected.risk === code}
              onClick={() => onToggle('risk', selected.risk === code ? '' : code)}
              label={RISK_FLAGS[code].label}
              count={counts.byRisk[code] ?? 0}
            />
          ))}
        </FacetRow>
      ) : null}
    </div>
  );
}

function FacetRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="w-20 shrink-0 font-medium text-gray-600">{label}</span>
      {children}
    </div>
  );
}

/** A facet chip; a risk's chip takes its severity's colour, as its badge in the rows does. */
function Chip({
  label,
  count: n,
  pressed,
  onClick,
  tone,
}: {
  label: string;
  count: number;
  pressed: boolean;
  onClick: () => void;
  tone?: RiskSeverity;
}) {
  const idle =
    tone === 'high'
      ? 'bg-red-50 text-red-900 ring-red-200 hover:bg-red-100'
      : tone === 'medium'
        ? 'bg-amber-50 text-amber-900 ring-amber-200 hover:bg-amber-100'
        : 'bg-gray-50 text-gray-800 ring-gray-200 hover:bg-gray-100';
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-indigo-600',
        pressed ? 'bg-indigo-600 text-white ring-indigo-600' : idle,
      )}
    >
      {label}
      <span className="font-semibold tabular-nums">{count(n)}</span>
    </button>
  );
}

function FilterSelect(props: {
  name: Name;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  allLabel?: string;
  onChange: (name: Name, value: string) => void;
}) {
  const id = `filter-${props.name}`;
  return (
    <div>
      <Label htmlFor={id}>{props.label}</Label>
      <Select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        onChange={(event) => props.onChange(props.name, event.target.value)}
      >
        <option value="">{props.allLabel ?? 'All'}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** A linked filter whose value has nothing pending any more stays selectable, so the menu shows what is applied. */
function withSelected(options: string[], selected?: string): string[] {
  return selected && !options.includes(selected) ? [selected, ...options] : options;
}
