// The admin CLI: works while the web app is down, straight on the database named by DATABASE_URL.
// Every change goes through the same domain functions as the console and writes its audit event (actor type "cli").
// Errors go to stderr with a non-zero exit; scripts rely on the exact command forms and outputs below.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/permissions';
import { createAgentKey } from '@/lib/agents/create-agent-key';
import { listAgentNames } from '@/lib/agents/list-agent-names';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { disconnectDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { fieldIssues, isWardenError } from '@/lib/errors';
import { engageGlobalStop, releaseGlobalStop } from '@/lib/kill-switches/set-global-stop';
import { createUser } from '@/lib/users/create-user';

const USAGE = `usage: npm run warden -- <command>
  user create --email E --name N --role R [--role R2 ...] [--password P]
  agent list
  agent pause --agent NAME
  agent resume --agent NAME
  key create --agent NAME
  stop        engage the global stop: every agent is blocked
  release     release the global stop`;

class UsageError extends Error {}

/** Domain field names that differ from the CLI flag naming them. */
const FLAG_FOR_FIELD: Record<string, string> = { roles: 'role' };

const actor: Actor = { type: 'cli', id: `cli:${userInfo().username}` };

function options(args: string[], spec: Record<string, { type: 'string'; multiple?: boolean }>, required: string[]) {
  const { values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false });
  for (const name of required) if (!values[name]) throw new UsageError(`missing --${name}`);
  return values as Record<string, string | string[] | undefined>;
}

async function run(argv: string[]): Promise<void> {
  const [noun, verb, ...rest] = argv;
  const command = noun === 'stop' || noun === 'release' ? noun : `${noun} ${verb}`;
  const args = noun === 'stop' || noun === 'release' ? argv.slice(1) : rest;
  switch (command) {
    case 'user create': {
      const o = options(args, { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true }, password: { type: 'string' } }, ['email', 'name', 'role']);
      const { user, password } = await createUser(actor, {
        email: o.email as string, name: o.name as string, roles: o.role as Role[], password: o.password as string | undefined,
      });
      console.log(`created user ${user.email} (${user.roles.join(', ')})`);
      if (password) console.log(`one-time password: ${password}`);
      return;
    }
    case 'agent list':
      options(args, {}, []);
      for (const name of await listAgentNames(actor)) console.log(name);
      return;
    case 'agent pause':
    case 'agent resume': {
      const o = options(args, { agent: { type: 'string' } }, ['agent']);
      const change = verb === 'pause' ? await pauseAgent(actor, { name: o.agent as string }, 'paused from the CLI') : await resumeAgent(actor, { name: o.agent as string });
      console.log(`${change.name} ${change.changed ? (verb === 'pause' ? 'paused' : 'resumed') : `was already ${verb === 'pause' ? 'paused' : 'active'}`}`);
      return;
    }
    case 'key create': {
      const o = options(args, { agent: { type: 'string' } }, ['agent']);
      const { key, prefix } = await createAgentKey(actor, { name: o.agent as string });
      console.log(`created key ${prefix}… for ${o.agent} — store it now, it is not shown again:`);
      console.log(key);
      return;
    }
    case 'stop': {
      options(args, {}, []);
      const { changed } = await engageGlobalStop(actor);
      console.log(changed ? 'global stop engaged: all agents are blocked' : 'global stop was already engaged');
      return;
    }
    case 'release': {
      options(args, {}, []);
      const { changed } = await releaseGlobalStop(actor);
      console.log(changed ? 'global stop released' : 'global stop was not engaged');
      return;
    }
    default:
      throw new UsageError(noun ? `unknown command "${[noun, verb].filter(Boolean).join(' ')}"` : 'no command given');
  }
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--help' || argv[0] === 'help') {
    console.log(USAGE);
    return;
  }
  try {
    await migrateDatabase();
    await run(argv);
  } catch (error) {
    process.exitCode = error instanceof UsageError || (error instanceof TypeError && 'code' in error) ? 2 : 1;
    console.error(`warden: ${describe(error)}`);
    if (process.exitCode === 2) console.error(USAGE);
  } finally {
    await disconnectDb();
  }
}

function describe(error: unknown): string {
  if (isWardenError(error)) return error.message;
  if (error instanceof ZodError) return fieldIssues(error.issues).map((i) => `--${FLAG_FOR_FIELD[i.path.split('.')[0]] ?? i.path.split('.')[0]}: ${i.message}`).join('; ');
  return error instanceof Error ? error.message : String(error);
}

void main();
