'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '@/lib/analytics/format-stats';
import type { ToolSummary } from '@/lib/analytics/summarize-decisions';
import { CHART_COLORS, shorten } from './chart-style';

/** Median and p90 time to decision per tool, as horizontal bars: tool names are long and read best on the left. */
export function ToolTimeChart({ tools }: { tools: ToolSummary[] }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, tools.length * 44 + 60)}>
      <BarChart
        data={tools}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          tickFormatter={(seconds: number) => formatDuration(seconds)}
          tick={{ fontSize: 12, fill: CHART_COLORS.axis }}
        />
        <YAxis
          type="category"
          dataKey="toolName"
          width={128}
          tickFormatter={shorten}
          tick={{ fontSize: 12, fill: CHART_COLORS.axis }}
        />
        <Tooltip formatter={(value) => formatDuration(Number(value))} cursor={{ fill: '#f3f4f6' }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="medianSeconds" name="Median" fill={CHART_COLORS.median} />
        <Bar dataKey="p90Seconds" name="p90" fill={CHART_COLORS.p90} />
      </BarChart>
    </ResponsiveContainer>
  );
}
