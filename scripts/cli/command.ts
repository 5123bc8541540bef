// What every admin CLI command shares: its usage line, its flags, the CLI's actor, and the usage error.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Actor } from '@/lib/auth/actor';

/** A mistake in how the command was called: exit 2 and print the usage. */
export class UsageError extends Error {}

export type Command = {
  /** "noun verb" as typed, e.g. "user create"; a single word for commands without a verb ("stop"). */
  name: string;
  /** The flags after the name, for the usage text. */
  usage: string;
  run(args: string[]): Promise<void>;
  /** False for commands that read only files (an offline check): no database is opened or migrated. */
  needsDatabase?: false;
};

export const cliActor: Actor = { type: 'cli', id: `cli:${userInfo().username}` };

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses the flags strictly (an unknown flag is a usage error) and insists on the required ones. */
export function parseFlags(args: string[], spec: FlagSpec, required: string[] = []) {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  for (const name of required) if (!values[name]) throw new UsageError(`missing --${name}`);
  return values as Record<string, string | string[] | boolean | undefined>;
}
