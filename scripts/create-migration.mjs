// Writes a migration for both databases from the change to prisma/schema.prisma since the last migration.
//   npm run db:migration -- <name>     write prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql
//   npm run db:migration -- --check    exit 1 when the schema has changes no migration covers (used by the test suite)
//
// Why not `prisma migrate dev`: Prisma 7's CLI needs a native schema engine that it downloads from Prisma's servers,
// which this project must not depend on. Prisma 6.19 ships the schema engine as WebAssembly ("engine: js"), and its
// schema-to-schema `migrate diff` needs no database at all; it only insists on an adapter, so it gets an in-memory
// SQLite one that it never queries. The result is plain SQL, applied by lib/db/migrate.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePostgresSchema } from './prisma-generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROVIDERS = {
  sqlite: { schema: 'prisma/schema.prisma', url: 'file:./unused.db' },
  postgresql: { schema: 'prisma/postgresql/schema.prisma', url: 'postgresql://unused@localhost/unused' },
};

/** A copy of a schema that Prisma 6 accepts: no generator (it would fetch an engine), a datasource url. */
function prisma6Schema(source, provider) {
  return source
    .replace(/^generator client \{[\s\S]*?^\}\n/m, '')
    .replace(`provider = "${provider}"`, `provider = "${provider}"\n  url      = "${PROVIDERS[provider].url}"`);
}

function diff(provider, fromSchema, toSchema) {
  const work = mkdtempSync(path.join(tmpdir(), 'warden-migration-'));
  try {
    const to = path.join(work, 'to.prisma');
    writeFileSync(to, prisma6Schema(toSchema, provider));
    const from = ['--from-empty'];
    if (fromSchema) {
      writeFileSync(path.join(work, 'from.prisma'), prisma6Schema(fromSchema, provider));
      from.splice(0, 1, '--from-schema-datamodel', path.join(work, 'from.prisma'));
    }
    const adapter = pathToImport('node_modules/@prisma/adapter-better-sqlite3/dist/index.js');
    writeFileSync(
      path.join(work, 'prisma.config.ts'),
      `import { defineConfig } from ${pathToImport('node_modules/prisma6/config.js')};\n` +
        `import { PrismaBetterSqlite3 } from ${adapter};\n` +
        `export default defineConfig({ experimental: { adapter: true }, engine: 'js', schema: './to.prisma',\n` +
        `  adapter: async () => new PrismaBetterSqlite3({ url: ':memory:' }) });\n`,
    );
    const out = execFileSync(
      process.execPath,
      [
        path.join(root, 'node_modules/prisma6/build/index.js'),
        'migrate',
        'diff',
        '--config',
        'prisma.config.ts',
        ...from,
        '--to-schema-datamodel',
        to,
        '--script',
      ],
      {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        // The query-engine library is never loaded by `migrate diff`; naming any file stops the CLI from downloading one.
        env: {
          ...process.env,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
        },
      },
    );
    // Guard against the CLI's silent failure mode: a real diff always prints SQL or the empty-migration comment.
    if (
      !out.includes('CREATE') &&
      !out.includes('ALTER') &&
      !out.includes('DROP') &&
      !out.includes('empty migration')
    ) {
      throw new Error(`prisma migrate diff printed nothing usable for ${provider}:\n${out}`);
    }
    return out.includes('empty migration') ? '' : out.trim() + '\n';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pathToImport(relative) {
  return JSON.stringify(path.join(root, relative));
}

function snapshotPath(provider) {
  return path.join(root, 'prisma/migrations', provider, 'schema.snapshot.prisma');
}

export function pendingChanges() {
  writePostgresSchema();
  const changes = {};
  for (const provider of Object.keys(PROVIDERS)) {
    const current = readFileSync(path.join(root, PROVIDERS[provider].schema), 'utf8');
    const snapshot = existsSync(snapshotPath(provider)) ? readFileSync(snapshotPath(provider), 'utf8') : null;
    changes[provider] = { sql: diff(provider, snapshot, current), current };
  }
  return changes;
}

function main() {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: npm run db:migration -- <name> | --check');
    process.exit(2);
  }
  const changes = pendingChanges();
  const pending = Object.entries(changes).filter(([, change]) => change.sql);
  if (arg === '--check') {
    for (const [provider, change] of pending)
      console.error(`prisma/schema.prisma has changes with no ${provider} migration:\n${change.sql}`);
    process.exit(pending.length ? 1 : 0);
  }
  if (!/^[a-z0-9_]+$/.test(arg)) {
    console.error('migration name: lowercase letters, digits and underscores only');
    process.exit(2);
  }
  if (!pending.length) {
    console.log('No schema changes since the last migration.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  for (const [provider, change] of pending) {
    const dir = path.join(root, 'prisma/migrations', provider, `${stamp}_${arg}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), change.sql);
    writeFileSync(snapshotPath(provider), change.current);
    console.log(`wrote ${path.relative(root, dir)}/migration.sql`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
