/**
 * Pure: when a run of failed sign-ins locks until. Below `threshold` failures nothing is locked; at the threshold the
 * lock lasts `baseSeconds` from the last failure, and each failure after that doubles it, up to `maxSeconds`.
 */
export function lockedUntil(
  failures: number,
  lastFailureAt: Date | null,
  settings: { threshold: number; baseSeconds: number; maxSeconds: number },
): Date | null {
  if (failures < settings.threshold || !lastFailureAt) return null;
  const exponent = Math.min(failures - settings.threshold, 30);
  const seconds = Math.min(settings.baseSeconds * 2 ** exponent, settings.maxSeconds);
  return new Date(lastFailureAt.getTime() + seconds * 1000);
}
