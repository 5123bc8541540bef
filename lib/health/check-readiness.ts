import { db } from '../db/client';
import { readMigrations } from '../db/migrate';
import { databaseTarget } from '../env';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Longer than a healthy database ever takes to answer one SELECT; a load balancer's probe must not hang. */
const TIMEOUT_MS = 5_000;

/**
 * Whether this instance can serve: the database answers, and every migration the app ships (prisma/migrations/<provider>)
 * is applied unchanged. Reads only. The reason names migrations, never the database's address or its error (which may
 * carry a host or user name).
 */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Map<string, string>;
  try {
    applied = await withTimeout(readAppliedMigrations(), TIMEOUT_MS);
  } catch {
    return { ready: false, reason: 'the database does not answer' };
  }
  const shipped = readMigrations(databaseTarget().provider).map(({ name, checksum }) => ({ name, checksum }));
  return migrationReadiness(shipped, applied);
}

/** Compares the migrations the app ships with those the database recorded (name → checksum). */
export function migrationReadiness(
  shipped: readonly { name: string; checksum: string }[],
  applied: ReadonlyMap<string, string>,
): Readiness {
  const missing = shipped.filter((m) => !applied.has(m.name)).map((m) => m.name);
  if (missing.length > 0) return { ready: false, reason: `migrations not applied: ${missing.join(', ')}` };
  const changed = shipped.filter((m) => applied.get(m.name) !== m.checksum).map((m) => m.name);
  if (changed.length > 0)
    return { ready: false, reason: `migrations changed after they were applied: ${changed.join(', ')}` };
  return { ready: true };
}

async function readAppliedMigrations(): Promise<Map<string, string>> {
  // No table yet: nothing applied (every shipped migration is then missing).
  const rows = await db()
    .$queryRawUnsafe<{ name: string; checksum: string }[]>('SELECT name, checksum FROM "_warden_migrations"')
    .catch((error: unknown) => {
      if (/_warden_migrations/.test(String(error))) return [];
      throw error;
    });
  return new Map(rows.map((row) => [String(row.name), String(row.checksum)]));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
