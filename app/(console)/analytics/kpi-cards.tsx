import { formatDuration, formatPercent } from '@/lib/analytics/format-stats';
import type { ReviewAnalytics } from '@/lib/analytics/get-review-analytics';

/** The headline numbers, as a description list: a screen reader reads each term with its value. */
export function KpiCards({ analytics }: { analytics: ReviewAnalytics }) {
  const { decisions, approved, rejected } = analytics;
  const kpis = [
    {
      id: 'decisions',
      term: 'Decisions',
      value: String(decisions),
      hint: `${approved} approved, ${rejected} rejected`,
    },
    {
      id: 'median',
      term: 'Median time to decision',
      value: formatDuration(analytics.medianSeconds),
      hint: 'from proposal to final decision',
    },
    {
      id: 'p90',
      term: 'p90 time to decision',
      value: formatDuration(analytics.p90Seconds),
      hint: '9 in 10 decided within this',
    },
    {
      id: 'approval-rate',
      term: 'Approval rate',
      value: formatPercent(analytics.approvalRate),
      hint: 'approved of decided',
    },
    {
      id: 'fast',
      term: 'Fast high-impact decisions',
      value: String(analytics.fastHighImpact),
      hint:
        `reviewer decisions on create, update or external actions under ${analytics.range.fastSeconds} s after the reviewer opened the action` +
        (analytics.highImpactTimedFromProposal > 0
          ? ` (${analytics.highImpactTimedFromProposal} with no recorded open: timed from the proposal)`
          : ''),
    },
    { id: 'expiries', term: 'Expiries', value: String(analytics.expired), hint: 'actions that expired unanswered' },
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {kpis.map((kpi) => (
        <div key={kpi.id} className="flex flex-col rounded-lg border border-gray-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-sm font-medium text-gray-600">{kpi.term}</dt>
          <dd className="mt-1 text-xl font-semibold whitespace-nowrap text-gray-900 tabular-nums sm:text-2xl">
            {kpi.value}
          </dd>
          <dd className="mt-1 text-xs text-gray-500">{kpi.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
