// The admin CLI: works while the web app is down, straight on the database named by DATABASE_URL.
// Every change goes through the same domain functions as the console and writes its audit event (actor type "cli").
// Errors go to stderr with a non-zero exit; scripts rely on the exact command forms and outputs in scripts/cli/.
import { ZodError } from 'zod';
import { disconnectDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { fieldIssues, isWardenError } from '@/lib/errors';
import { UsageError } from './cli/command';
import { findCommand, USAGE } from './cli/commands';

/** Domain field names that differ from the CLI flag naming them. */
const FLAG_FOR_FIELD: Record<string, string> = { roles: 'role' };

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    const found = findCommand(argv);
    if (!found) throw new UsageError(argv[0] ? `unknown command "${argv.slice(0, 2).join(' ')}"` : 'no command given');
    if (found.command.needsDatabase !== false) await migrateDatabase();
    await found.command.run(found.args);
  } catch (error) {
    process.exitCode = error instanceof UsageError ? 2 : 1;
    console.error(`warden: ${describe(error)}`);
    if (process.exitCode === 2) console.error(USAGE);
  } finally {
    await disconnectDb();
  }
}

function describe(error: unknown): string {
  if (isWardenError(error)) return error.message;
  if (error instanceof ZodError)
    return fieldIssues(error.issues)
      .map((i) => `--${FLAG_FOR_FIELD[i.path.split('.')[0]] ?? i.path.split('.')[0]}: ${i.message}`)
      .join('; ');
  return error instanceof Error ? error.message : String(error);
}

void main();
