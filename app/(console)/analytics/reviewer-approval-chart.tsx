'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@/lib/analytics/format-stats';
import type { ReviewerSummary } from '@/lib/analytics/summarize-decisions';
import { CHART_COLORS, shorten } from './chart-style';

/** Share of each reviewer's decisions that were approvals, 0–100 %. */
export function ReviewerApprovalChart({ reviewers }: { reviewers: ReviewerSummary[] }) {
  const data = reviewers.map((r) => ({ name: r.name, rate: r.approvalRate ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={Math.max(140, data.length * 36 + 48)}>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={(rate: number) => formatPercent(rate)}
          tick={{ fontSize: 12, fill: CHART_COLORS.axis }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={128}
          tickFormatter={shorten}
          tick={{ fontSize: 12, fill: CHART_COLORS.axis }}
        />
        <Tooltip formatter={(value) => formatPercent(Number(value))} cursor={{ fill: '#f3f4f6' }} />
        <Bar dataKey="rate" name="Approval rate" fill={CHART_COLORS.approved} maxBarSize={28} />
      </BarChart>
    </ResponsiveContainer>
  );
}
