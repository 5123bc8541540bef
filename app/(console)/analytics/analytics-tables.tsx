import { Badge } from '@/components/ui/badge';
import { Table, Td, Th } from '@/components/ui/table';
import { formatDuration, formatPercent } from '@/lib/analytics/format-stats';
import {
  FLAG_FAST_SHARE,
  FLAG_MIN_HIGH_IMPACT,
  type DaySummary,
  type ReviewerSummary,
  type ToolSummary,
} from '@/lib/analytics/summarize-decisions';

// Cells never wrap: a narrow screen scrolls the table sideways (Table's wrapper) instead of stacking "8 / min / 30 / s".
const num = 'text-right whitespace-nowrap tabular-nums';

/** The per-day chart's numbers for screen readers (visually hidden: the chart shows them). */
export function DayTable({ days }: { days: DaySummary[] }) {
  const busy = days.filter((d) => d.approved + d.rejected > 0);
  return (
    <div className="sr-only">
      <Table>
        <caption>Decisions per day (UTC). Days without decisions are left out.</caption>
        <thead>
          <tr>
            <Th>Day</Th>
            <Th>Approved</Th>
            <Th>Rejected</Th>
          </tr>
        </thead>
        <tbody>
          {busy.map((d) => (
            <tr key={d.day}>
              <Td>{d.day}</Td>
              <Td>{d.approved}</Td>
              <Td>{d.rejected}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

/** Per tool: the chart's median and p90, plus decisions and approval rate, which the chart does not show. */
export function ToolTable({ tools }: { tools: ToolSummary[] }) {
  return (
    <Table aria-label="Time to decision per tool">
      <thead>
        <tr>
          <Th>Tool</Th>
          <Th className={num}>Decisions</Th>
          <Th className={num}>Median</Th>
          <Th className={num}>p90</Th>
          <Th className={num}>Approval rate</Th>
        </tr>
      </thead>
      <tbody>
        {tools.map((t) => (
          <tr key={t.toolName}>
            <Td className="font-mono text-xs whitespace-nowrap">{t.toolName}</Td>
            <Td className={num}>{t.decisions}</Td>
            <Td className={num}>{formatDuration(t.medianSeconds)}</Td>
            <Td className={num}>{formatDuration(t.p90Seconds)}</Td>
            <Td className={num}>{formatPercent(t.approvalRate)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Per reviewer; a row is highlighted when many of the reviewer's high-impact decisions were fast (FLAG_* rules). */
export function ReviewerTable({ reviewers, fastSeconds }: { reviewers: ReviewerSummary[]; fastSeconds: number }) {
  return (
    <>
      <Table aria-label="Decisions per reviewer">
        <thead>
          <tr>
            <Th>Reviewer</Th>
            <Th className={num}>Decisions</Th>
            <Th className={num}>Median</Th>
            <Th className={num}>p90</Th>
            <Th className={num}>Approval rate</Th>
            <Th className={num}>Fast high-impact</Th>
          </tr>
        </thead>
        <tbody>
          {reviewers.map((r) => (
            <tr key={r.reviewerId} className={r.flagged ? 'bg-amber-50' : undefined}>
              <Td className="whitespace-nowrap">
                <span className="font-medium text-gray-900">{r.name}</span>
                {r.flagged ? (
                  <Badge tone="amber" className="ml-2">
                    Many fast decisions
                  </Badge>
                ) : null}
              </Td>
              <Td className={num}>{r.decisions}</Td>
              <Td className={num}>{formatDuration(r.medianSeconds)}</Td>
              <Td className={num}>{formatDuration(r.p90Seconds)}</Td>
              <Td className={num}>{formatPercent(r.approvalRate)}</Td>
              <Td className={num}>
                {r.highImpactDecisions > 0
                  ? `${r.fastHighImpact} of ${r.highImpactDecisions} (${formatPercent(r.fastShare)})`
                  : '—'}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="border-t border-gray-200 px-4 py-3 text-xs text-gray-600 sm:px-5">
        Fast high-impact: decisions on create, update or external actions taken in under {fastSeconds} s after the
        reviewer first opened the action (from the proposal when no open was recorded), of the reviewer&apos;s
        high-impact decisions. Highlighted when at least {formatPercent(FLAG_FAST_SHARE)} of {FLAG_MIN_HIGH_IMPACT} or
        more were fast. Each approval of a multi-reviewer action counts for its reviewer. Median and p90 run from the
        proposal.
      </p>
    </>
  );
}
