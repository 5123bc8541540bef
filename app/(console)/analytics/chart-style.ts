// Shared by the three charts. Tailwind's palette, as hex: recharts draws SVG with fill attributes, which cannot use the CSS classes.
export const CHART_COLORS = {
  approved: '#059669', // emerald-600
  rejected: '#dc2626', // red-600
  median: '#4f46e5', // indigo-600
  p90: '#a5b4fc', // indigo-300
  grid: '#e5e7eb', // gray-200
  axis: '#4b5563', // gray-600
} as const;

/** Axis labels get 128 px: a long name keeps its start and end ("tool_mw…67f555"); the tables show it whole. */
export function shorten(name: string): string {
  return name.length > 16 ? `${name.slice(0, 7)}…${name.slice(-6)}` : name;
}
