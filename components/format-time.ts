/** "2026-11-25 14:02:20 UTC": unambiguous for reviewers in any time zone (audit times are UTC). */
export function formatUtc(iso: string, { zone = true }: { zone?: boolean } = {}): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${zone ? ' UTC' : ''}`;
}

/** "just now", "3 min ago", "5 h ago", "2 days ago". */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
