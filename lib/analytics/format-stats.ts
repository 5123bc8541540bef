/**
 * How the analytics page writes its numbers; the KPI cards, the charts' tables and the e2e spec all read the same
 * strings. Client-safe. Null means "no decisions", shown as a dash rather than a misleading 0.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  // Under a minute the tenths matter (is it 0.4 s or 4 s?); above it they are noise.
  const tenths = Number(seconds.toFixed(1));
  if (tenths < 60) return `${tenths} s`;
  const whole = Math.round(seconds);
  const [d, h, m, s] = [
    Math.floor(whole / 86_400),
    Math.floor(whole / 3600) % 24,
    Math.floor(whole / 60) % 60,
    whole % 60,
  ];
  if (d > 0) return h > 0 ? `${d} d ${h} h` : `${d} d`;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
