/**
 * Next calls `register` once when a server process starts (`next start` and `next dev`). Warden starts its background
 * loop here (review deadlines, escalation ladder, notifications, sealing backstop): see lib/jobs/background-loop.ts.
 * Only in the Node.js runtime — the edge runtime has no database driver — and imported lazily so the edge bundle
 * never includes it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // After a failed fsync no later commit could be trusted to be on disk (lib/db/engine.ts): like PostgreSQL, the
  // server stops rather than acknowledge writes that may be lost. The engine has already refused all later work.
  const { onFatalDatabaseFailure } = await import('./lib/db/client');
  onFatalDatabaseFailure(() => process.exit(1));
  const { startBackgroundLoop } = await import('./lib/jobs/background-loop');
  startBackgroundLoop();
}
