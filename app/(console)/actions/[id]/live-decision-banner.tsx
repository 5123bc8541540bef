'use client';

import { Radio } from 'lucide-react';
import { useDecision } from './decision-context';

/** "Approved by X just now": a decision made elsewhere while this card was open, in place of the controls. */
export function LiveDecisionBanner() {
  const { decidedElsewhere: decided } = useDecision();
  if (!decided) return null;
  const by = decided.by?.name ?? 'another reviewer';
  const text =
    decided.status === 'expired'
      ? 'Expired just now: no reviewer decided in time, and it will not run.'
      : decided.status === 'rejected'
        ? `Rejected by ${by} just now.`
        : `Approved by ${by} just now.`;
  return (
    <p
      role="status"
      data-testid="decided-elsewhere"
      className="flex items-start gap-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm font-medium text-indigo-950"
    >
      <Radio aria-hidden className="mt-0.5 size-4 shrink-0 text-indigo-600" />
      <span>{text} Your decision is no longer needed.</span>
    </p>
  );
}

/** Decision controls that give way once the action was decided elsewhere. */
export function UntilDecidedElsewhere({ children }: { children: React.ReactNode }) {
  const { decidedElsewhere } = useDecision();
  return decidedElsewhere ? null : children;
}
