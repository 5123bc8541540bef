import { Info, OctagonAlert, ShieldCheck, TriangleAlert } from 'lucide-react';
import { InertText } from '@/components/inert-text';
import { RiskFlagBadge } from '@/components/risk-flag-badge';
import { cn } from '@/components/ui/cn';
import type { RiskFlag, RiskSeverity } from '@/lib/review/assess-risk';

// The frame takes the colour of the most severe flag: a lone "requester not verified" must not look like hidden text.
const FRAMES: Record<
  RiskSeverity,
  { frame: string; rule: string; title: string; icon: typeof OctagonAlert; iconColour: string }
> = {
  high: {
    frame: 'border-red-200 bg-red-50/70',
    rule: 'divide-red-100 border-red-200',
    title: 'text-red-950',
    icon: OctagonAlert,
    iconColour: 'text-red-600',
  },
  medium: {
    frame: 'border-amber-200 bg-amber-50/70',
    rule: 'divide-amber-100 border-amber-200',
    title: 'text-amber-950',
    icon: TriangleAlert,
    iconColour: 'text-amber-600',
  },
  low: {
    frame: 'border-gray-200 bg-white',
    rule: 'divide-gray-100 border-gray-200',
    title: 'text-gray-900',
    icon: Info,
    iconColour: 'text-gray-500',
  },
};
const ORDER: RiskSeverity[] = ['high', 'medium', 'low'];

/**
 * Why to look twice, first on the page: each flag with its cause, most severe first. Causes quote the agent's text
 * (a requester's name, a parameter path, an excerpt), so they are shown inert. No flags is said plainly, not left
 * as an empty box.
 */
export function RiskPanel({ risks }: { risks: RiskFlag[] }) {
  if (risks.length === 0) {
    return (
      <section
        aria-labelledby="risk"
        data-severity="none"
        className="flex items-center gap-2 rounded-lg border border-gray-200 bg-white px-4 py-3 text-sm text-gray-700 shadow-sm sm:px-5"
      >
        <ShieldCheck aria-hidden className="size-4 shrink-0 text-emerald-600" />
        <h2 id="risk" className="font-semibold text-gray-900">
          Risk
        </h2>
        <span>No risk flags: nothing unusual in this proposal.</span>
      </section>
    );
  }
  const sorted = [...risks].sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
  const top = sorted[0].severity;
  const style = FRAMES[top];
  const Icon = style.icon;
  const counts = ORDER.map(
    (severity) => [severity, sorted.filter((risk) => risk.severity === severity).length] as const,
  ).filter(([, count]) => count > 0);
  return (
    <section aria-labelledby="risk" data-severity={top} className={cn('rounded-lg border shadow-sm', style.frame)}>
      <div className={cn('flex flex-wrap items-center gap-x-2 gap-y-1 border-b px-4 py-3 sm:px-5', style.rule)}>
        <Icon aria-hidden className={cn('size-4 shrink-0', style.iconColour)} />
        <h2 id="risk" className={cn('text-base font-semibold', style.title)}>
          Risk
        </h2>
        <span className="text-sm text-gray-700">
          {sorted.length} {sorted.length === 1 ? 'flag' : 'flags'}:{' '}
          {counts.map(([severity, count]) => `${count} ${severity}`).join(', ')}
        </span>
      </div>
      <ul className={cn('divide-y', style.rule)} data-testid="risk-flags">
        {sorted.map((risk, index) => (
          <li
            key={index}
            className="grid items-start gap-1 px-4 py-2.5 text-sm sm:grid-cols-[12rem_minmax(0,1fr)] sm:gap-3 sm:px-5"
          >
            <span>
              <RiskFlagBadge code={risk.code} label={risk.label} severity={risk.severity} />
            </span>
            <span className="min-w-0 break-words text-gray-800">
              <InertText text={risk.cause} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
