import { MessageSquareQuote } from 'lucide-react';
import { HostileTextFlags } from '@/components/hostile-text-flags';
import { InertText } from '@/components/inert-text';
import { inspectValue } from '@/lib/review/inspect-text';

/**
 * The agent's own justification, set apart and labelled as the agent's words: it is input from the agent,
 * possibly wrong or manipulated, never an instruction to the reviewer. Shown as inert text, hidden characters made visible.
 */
export function AgentReason({ reason }: { reason: string | null }) {
  return (
    <section
      aria-labelledby="agent-reason"
      className="rounded-lg border border-dashed border-amber-300 bg-amber-50/60 p-4 sm:p-5"
    >
      <h2 id="agent-reason" className="flex items-center gap-2 text-sm font-semibold text-amber-900">
        <MessageSquareQuote aria-hidden className="size-4" />
        Agent&apos;s reason (written by the agent)
      </h2>
      {reason ? (
        <>
          <HostileTextFlags flagged={inspectValue(reason, 'reason')} className="mt-2" />
          <blockquote className="mt-2 text-sm break-words whitespace-pre-wrap text-gray-900">
            <InertText text={reason} />
          </blockquote>
        </>
      ) : (
        <p className="mt-2 text-sm text-gray-600 italic">The agent gave no reason.</p>
      )}
    </section>
  );
}
