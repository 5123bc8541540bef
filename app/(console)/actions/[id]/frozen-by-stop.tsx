import { OctagonAlert } from 'lucide-react';
import type { UserActor } from '@/lib/auth/actor';
import { getActionStops } from '@/lib/kill-switches/get-action-stops';

const HEADING = {
  frozen: 'Frozen by the stop',
  'refused-at-claim': 'Held by the stop',
  'in-flight': 'In flight at the stop',
} as const;

const MEANING = {
  frozen:
    'It cannot be approved while the stop holds (rejecting it stays possible). Its review deadline is paused; the release gives the frozen time back.',
  'refused-at-claim':
    'It was approved before the stop: if the agent claims it now, the claim is refused and the action blocked.',
  'in-flight':
    'The agent had claimed it before the stop: it may be running. The agent is told of the stop on its next call; its result is still recorded.',
} as const;

/** What an engaged stop does to this action, instead of a countdown to its deadline. */
export async function FrozenByStop({ actor, actionId }: { actor: UserActor; actionId: string }) {
  const held = await getActionStops(actor, actionId);
  if (!held) return null;
  return (
    <section
      aria-labelledby="frozen-by-stop"
      className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
    >
      <h2 id="frozen-by-stop" className="flex items-center gap-2 font-semibold">
        <OctagonAlert aria-hidden className="size-4 shrink-0" />
        {HEADING[held.kind]}
      </h2>
      <p className="mt-1">{MEANING[held.kind]}</p>
      <ul className="mt-1 list-disc pl-5">
        {held.stops.map((stop) => (
          <li key={stop} className="break-words">
            {stop}
          </li>
        ))}
      </ul>
    </section>
  );
}
