'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DaySummary } from '@/lib/analytics/summarize-decisions';
import { CHART_COLORS } from './chart-style';

/** Approved and rejected decisions per UTC day, stacked. */
export function DecisionsPerDayChart({ days }: { days: DaySummary[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis
          dataKey="day"
          tickFormatter={(day: string) => day.slice(5)}
          tick={{ fontSize: 12, fill: CHART_COLORS.axis }}
          minTickGap={12}
        />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: CHART_COLORS.axis }} />
        <Tooltip cursor={{ fill: '#f3f4f6' }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="approved" name="Approved" stackId="decisions" fill={CHART_COLORS.approved} />
        <Bar dataKey="rejected" name="Rejected" stackId="decisions" fill={CHART_COLORS.rejected} />
      </BarChart>
    </ResponsiveContainer>
  );
}
