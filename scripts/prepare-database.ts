// Migrates the database named by DATABASE_URL (SQLite file by default) and, on an empty database, seeds the demo
// workspace unless WARDEN_SEED=none. Run by `npm start` before the server starts; in demo mode `npm start` has just
// started the demo upstream MCP server (scripts/start.mjs), which the seed registers.
import { migrateDatabase } from '@/lib/db/migrate';
import { disconnectDb } from '@/lib/db/client';
import { databaseTarget, env } from '@/lib/env';
import { seedDemoWorkspace } from '@/lib/seed/seed-demo-workspace';
import { waitForPort } from './demo-mcp/wait-for-port';

async function main() {
  const target = databaseTarget();
  const applied = await migrateDatabase(target);
  const where = target.provider === 'sqlite' ? target.file : 'PostgreSQL';
  console.log(`[warden] database ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  if (env().WARDEN_SEED === 'demo') {
    // DEMO_MCP_TOKEN is the demo server's own setting (the token it requires): the seed registers it with that token.
    const seeded = await seedDemoWorkspace({
      mcpUrl: demoMcpUrl,
      mcpCredentials: process.env.DEMO_MCP_TOKEN || undefined,
    });
    if (seeded) {
      console.log('\n[warden] Seeded the DEMO workspace (demo data only: set WARDEN_SEED=none for production).');
      console.log('[warden] One-time passwords — shown now and never again:');
      for (const account of seeded.accounts)
        console.log(`  ${account.role.padEnd(9)} ${account.email.padEnd(28)} ${account.password}`);
      if (seeded.mcp?.agent) {
        console.log(`[warden] Demo MCP server ${seeded.mcp.url}: ${seeded.mcp.tools.join(', ')} (MCP servers page).`);
        console.log(`[warden] Try the MCP gateway as ${seeded.mcp.agent}:`);
        console.log(`  KEY=$(npm run -s warden -- key create --agent ${seeded.mcp.agent} | tail -n 1)`);
        console.log('  npm run demo:agent -- --mcp --key "$KEY"');
      } else if (seeded.mcp) {
        console.log(
          `[warden] The demo MCP server ${seeded.mcp.url} did not answer (${seeded.mcp.lastError ?? 'no tools'}).`,
        );
      }
      console.log('');
    }
  }
  await disconnectDb();
}

/** The demo upstream's address once it accepts connections (tsx takes a moment to start it); none if it is off. */
async function demoMcpUrl(): Promise<string | undefined> {
  const port = env().WARDEN_DEMO_MCP_PORT;
  if (port === 0) return undefined;
  if (!(await waitForPort('127.0.0.1', port, 30_000)))
    console.error(`[warden] the demo MCP server is not listening on 127.0.0.1:${port}; registering it anyway`);
  return `http://127.0.0.1:${port}/mcp`;
}

main().catch((error) => {
  console.error(`[warden] could not prepare the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
