import { ShieldCheck, TriangleAlert } from 'lucide-react';
import { InertText } from '@/components/inert-text';
import type { RiskFlag } from '@/lib/review/assess-risk';

/**
 * Why to look twice, first on the page: each flag with its cause. Causes quote the agent's text (a requester's
 * name, a parameter path), so they are shown inert. No flags is said plainly, not left as an empty box.
 */
export function RiskPanel({ risks }: { risks: RiskFlag[] }) {
  if (risks.length === 0) {
    return (
      <section aria-labelledby="risk" className="flex items-center gap-2 rounded-lg border border-gray-200 bg-white px-4 py-3 text-sm text-gray-700 shadow-sm sm:px-5">
        <ShieldCheck aria-hidden className="size-4 shrink-0 text-emerald-600" />
        <h2 id="risk" className="font-semibold text-gray-900">Risk</h2>
        <span>No risk flags: nothing unusual in this proposal.</span>
      </section>
    );
  }
  return (
    <section aria-labelledby="risk" className="rounded-lg border border-orange-200 bg-orange-50/70 shadow-sm">
      <div className="flex items-center gap-2 border-b border-orange-200 px-4 py-3 sm:px-5">
        <TriangleAlert aria-hidden className="size-4 shrink-0 text-orange-600" />
        <h2 id="risk" className="text-base font-semibold text-orange-950">Risk</h2>
        <span className="rounded-full bg-orange-100 px-2 py-0.5 text-xs font-medium text-orange-900 ring-1 ring-orange-200 ring-inset">
          {risks.length} {risks.length === 1 ? 'flag' : 'flags'}
        </span>
      </div>
      <ul className="divide-y divide-orange-100" data-testid="risk-flags">
        {risks.map((risk, index) => (
          <li key={index} className="grid gap-0.5 px-4 py-2.5 text-sm sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3 sm:px-5" data-risk={risk.code}>
            <span className="font-medium text-orange-950">{risk.label}</span>
            <span className="min-w-0 break-words text-gray-800"><InertText text={risk.cause} /></span>
          </li>
        ))}
      </ul>
    </section>
  );
}
