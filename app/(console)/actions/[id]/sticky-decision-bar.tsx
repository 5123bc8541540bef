'use client';

import { Button } from '@/components/ui/button';
import { useDecision } from './decision-context';

/**
 * On a phone the decision panel sits below the whole card, screens down: this bar keeps Approve and Reject at the
 * bottom of the screen, with the panel's flows (Approve confirms first for anything above read/draft; Reject jumps
 * to the comment box, where Enter rejects). A spacer as tall as the bar keeps it from covering the end of the page.
 * Gone from lg up (the panel is beside the card there), and whenever the viewer cannot decide.
 */
export function StickyDecisionBar() {
  const { canDecide, needsConfirmation, requestApprove, startReject, submitting, result } = useDecision();
  if (!canDecide) return null;
  return (
    <>
      <div aria-hidden className="h-24 lg:hidden" />
      <div
        role="region"
        aria-label="Decide on this action"
        className="fixed inset-x-0 bottom-0 z-30 border-t border-gray-200 bg-white/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgb(0_0_0/0.06)] backdrop-blur lg:hidden"
      >
        {result && !result.ok ? (
          <p className="mb-2 truncate text-sm text-red-800" title={result.error}>
            {result.error}
          </p>
        ) : null}
        <div className="mx-auto flex max-w-xl gap-2">
          <Button
            variant="success"
            className="flex-1"
            disabled={submitting}
            aria-haspopup={needsConfirmation ? 'dialog' : undefined}
            onClick={requestApprove}
          >
            {needsConfirmation ? 'Approve…' : 'Approve'}
          </Button>
          <Button variant="danger" className="flex-1" disabled={submitting} onClick={startReject}>
            Reject…
          </Button>
        </div>
      </div>
    </>
  );
}
