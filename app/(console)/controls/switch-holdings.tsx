import { formatAge } from '@/components/format-time';
import { TableLink } from '@/components/ui/table';
import type { HeldList, SwitchHoldings } from '@/lib/kill-switches/list-switch-holdings';

const REDIRECTED = { 'review-all': 'Sent to review since', 'draft-only': 'Turned into drafts since' } as const;

/** What one engaged switch holds now, and what it has refused (or redirected) since it was engaged. */
export function SwitchHoldingsView({
  switchId,
  effect,
  holdings,
}: {
  switchId: string;
  effect: string;
  holdings: SwitchHoldings;
}) {
  const { since, held } = holdings;
  const refused = since.proposals + since.claims + since.approvals;
  return (
    <div className="mt-3 space-y-2 text-sm">
      {held ? (
        <p data-testid={`refused-since-${switchId}`}>
          <span className="font-medium text-gray-900">Refused since: {refused}</span>{' '}
          <span className="text-gray-600">
            ({plural(since.proposals, 'proposal')}, {plural(since.claims, 'claim')},{' '}
            {plural(since.approvals, 'approval')})
          </span>
        </p>
      ) : (
        <p data-testid={`refused-since-${switchId}`}>
          <span className="font-medium text-gray-900">
            {REDIRECTED[effect as keyof typeof REDIRECTED] ?? 'Redirected since'}: {since.proposals}
          </span>
        </p>
      )}
      {held ? (
        <div className="grid gap-2 md:grid-cols-3">
          <HeldListView title="Waiting (frozen)" note="cannot be approved; deadline paused" list={held.waiting} />
          <HeldListView title="Approved, not claimed" note="refused at claim" list={held.approved} />
          <HeldListView title="In flight at the stop" note="executing; the agent is told" list={held.executing} />
        </div>
      ) : null}
    </div>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function HeldListView({ title, note, list }: { title: string; note: string; list: HeldList }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-md border border-gray-200 px-3 py-2">
      <h3 className="text-xs font-semibold text-gray-900">
        {title}: {list.total}
      </h3>
      <p className="text-xs text-gray-600">{note}</p>
      {list.actions.length > 0 ? (
        <ul className="mt-1 space-y-0.5">
          {list.actions.map((action) => (
            <li key={action.id} className="truncate text-xs">
              <TableLink href={`/actions/${action.id}`}>{action.tool}</TableLink>{' '}
              <span className="text-gray-600">
                · {action.agentName} · {formatAge(action.createdAt.toISOString())} · …{action.id.slice(-6)}
              </span>
            </li>
          ))}
          {list.total > list.actions.length ? (
            <li className="text-xs text-gray-600">and {list.total - list.actions.length} more</li>
          ) : null}
        </ul>
      ) : null}
    </section>
  );
}
