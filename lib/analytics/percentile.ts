/**
 * The p-th percentile (0..1) by linear interpolation between the closest ranks (spreadsheet PERCENTILE.INC, numpy's
 * default): the median of [10, 20] is 15, not 10 or 20. Null for no values, so "no data" never reads as "0 s".
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(Math.max(p, 0), 1);
  const below = sorted[Math.floor(rank)] ?? 0;
  const above = sorted[Math.ceil(rank)] ?? below;
  return below + (above - below) * (rank - Math.floor(rank));
}
