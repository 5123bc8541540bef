// Generates both Prisma clients offline.
// `prisma generate` never runs the schema engine, but Prisma 7's CLI insists that one exists before it starts and would
// try to download it from Prisma's servers; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchema = path.join(root, 'prisma/schema.prisma');
const pgSchema = path.join(root, 'prisma/postgresql/schema.prisma');

export function writePostgresSchema() {
  const source = readFileSync(sqliteSchema, 'utf8');
  const pg = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output   = "../lib/generated/sqlite"', 'output   = "../../lib/generated/postgresql"');
  if (pg === source) throw new Error('prisma/schema.prisma: provider or output line not found');
  mkdirSync(path.dirname(pgSchema), { recursive: true });
  writeFileSync(
    pgSchema,
    '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs — do not edit.\n' + pg,
  );
}

export function generateClients() {
  writePostgresSchema();
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  const cli = path.join(root, 'node_modules/prisma/build/index.js');
  for (const schema of [sqliteSchema, pgSchema]) {
    execFileSync(process.execPath, [cli, 'generate', '--schema', schema], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generateClients();
