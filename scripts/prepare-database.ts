// Migrates the database named by DATABASE_URL (SQLite file by default) and, on an empty database, seeds the demo
// workspace unless WARDEN_SEED=none. Run by `npm start` before the server starts.
import { migrateDatabase } from '@/lib/db/migrate';
import { disconnectDb } from '@/lib/db/client';
import { databaseTarget, env } from '@/lib/env';
import { seedDemoWorkspace } from '@/lib/seed/seed-demo-workspace';

async function main() {
  const target = databaseTarget();
  const applied = await migrateDatabase(target);
  const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
  console.log(`[warden] database ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  if (env().WARDEN_SEED === 'demo') {
    const seeded = await seedDemoWorkspace();
    if (seeded) {
      console.log('\n[warden] Seeded the DEMO workspace (demo data only: set WARDEN_SEED=none for production).');
      console.log('[warden] One-time passwords — shown now and never again:');
      for (const account of seeded.accounts)
        console.log(`  ${account.role.padEnd(9)} ${account.email.padEnd(28)} ${account.password}`);
      console.log('');
    }
  }
  await disconnectDb();
}

main().catch((error) => {
  console.error(`[warden] could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
