import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { ErrorAlert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { ANALYTICS_ROW_CAP, getReviewAnalytics } from '@/lib/analytics/get-review-analytics';
import { parseReviewRange, type RangeQuery } from '@/lib/analytics/review-range';
import { requireUser } from '../require-user';
import { AnalyticsFilters } from './analytics-filters';
import { DayTable, ReviewerTable, ToolTable } from './analytics-tables';
import { ChartCard } from './chart-card';
import { DecisionsPerDayChart } from './decisions-per-day-chart';
import { KpiCards } from './kpi-cards';
import { ReviewerApprovalChart } from './reviewer-approval-chart';
import { ToolTimeChart } from './tool-time-chart';

export const metadata: Metadata = { title: 'Reviewer analytics' };

// More bars than this stop being readable; the tool table under the chart lists them all.
const CHART_TOOLS = 12;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<RangeQuery> }) {
  const actor = await requireUser();
  const query = await searchParams;
  const { range, form, problems } = parseReviewRange(query);
  const analytics = await getReviewAnalytics(actor, range);
  const isDefault = !query.from && !query.to && !query.threshold;
  const empty = analytics.decisions === 0 && analytics.perReviewer.length === 0;

  return (
    <>
      <PageHeader
        title="Reviewer analytics"
        description={`How people decide on agents' actions from ${form.from} to ${form.to} (UTC): how fast, how often they approve, and where decisions look rushed.`}
      />
      <div className="flex flex-col gap-6">
        <Card>
          <AnalyticsFilters values={form} isDefault={isDefault} />
          {problems.length > 0 ? <ErrorAlert className="mx-4 mb-3 sm:mx-5">{problems.join(' ')}</ErrorAlert> : null}
        </Card>
        {analytics.capped ? (
          <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This range holds more than {ANALYTICS_ROW_CAP.toLocaleString('en-US')} decisions: the numbers cover only the
            most recent ones. Choose a shorter range for complete figures.
          </p>
        ) : null}
        {empty ? (
          <Card>
            <EmptyState
              title="No decisions in this range"
              description={`Nobody approved or rejected an action between ${form.from} and ${form.to}.${analytics.expired > 0 ? ` ${analytics.expired} actions expired.` : ''} Try a longer range.`}
            />
          </Card>
        ) : (
          <>
            <KpiCards analytics={analytics} />
            <ChartCard
              id="analytics-per-day"
              title="Decisions per day"
              description="Final decisions on actions, by UTC day."
              label={`Stacked bar chart of approved and rejected decisions per day, ${form.from} to ${form.to}.`}
              chart={<DecisionsPerDayChart days={analytics.perDay} />}
              table={<DayTable days={analytics.perDay} />}
            />
            <ChartCard
              id="analytics-per-tool"
              title="Time to decision per tool"
              description={
                analytics.perTool.length > CHART_TOOLS
                  ? `From proposal to final decision. The chart shows the ${CHART_TOOLS} tools with the most decisions; the table lists all.`
                  : 'From proposal to final decision.'
              }
              label="Bar chart of median and p90 time to decision per tool; the numbers are in the table below."
              chart={<ToolTimeChart tools={analytics.perTool.slice(0, CHART_TOOLS)} />}
              table={<ToolTable tools={analytics.perTool} />}
            />
            <ChartCard
              id="analytics-reviewers"
              title="Reviewers"
              description="Approval rate of each reviewer who decided in this range, busiest first."
              label="Bar chart of each reviewer's approval rate; the numbers are in the table below."
              chart={<ReviewerApprovalChart reviewers={analytics.perReviewer} />}
              table={<ReviewerTable reviewers={analytics.perReviewer} fastSeconds={range.fastSeconds} />}
            />
          </>
        )}
      </div>
    </>
  );
}
