import { ZodError } from 'zod';
import { engageSwitch } from '@/lib/kill-switches/engage-switch';
import { listEngagedSwitches } from '@/lib/kill-switches/list-switches';
import { releaseSwitch } from '@/lib/kill-switches/release-switch';
import { fieldIssues } from '@/lib/errors';
import { cliActor, parseFlags, type Command } from './command';

/** Zod's field names are the flags the admin typed. */
async function withFlagNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw new Error(
      fieldIssues(error.issues)
        .map((issue) => `--${issue.path}: ${issue.message}`)
        .join('; '),
    );
  }
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const switchCommands: Command[] = [
  {
    name: 'switch engage',
    usage:
      '--scope global|agent|tool|agent-tool [--agent N] [--tool T] --effect block|review-all|draft-only --reason R',
    async run(args) {
      const o = parseFlags(
        args,
        {
          scope: { type: 'string' },
          agent: { type: 'string' },
          tool: { type: 'string' },
          effect: { type: 'string' },
          reason: { type: 'string' },
        },
        ['scope', 'effect', 'reason'],
      );
      const { id, changed } = await withFlagNames(() =>
        engageSwitch(cliActor, {
          scope: o.scope as 'global',
          agent: str(o.agent),
          tool: str(o.tool),
          effect: o.effect as 'block',
          reason: o.reason as string,
        }),
      );
      if (!changed) console.log('already engaged: nothing changed');
      console.log(id);
    },
  },
  {
    name: 'switch list',
    usage: '',
    async run(args) {
      parseFlags(args, {});
      for (const s of await listEngagedSwitches(cliActor)) {
        const target = s.scope === 'global' ? '-' : [s.agentName, s.toolName].filter(Boolean).join('/');
        console.log([s.id, s.scope, target, s.effect, s.reason].join(' '));
      }
    },
  },
  {
    name: 'switch release',
    usage: '--id ID --reason R   (break-glass: no step-up, audited as such)',
    async run(args) {
      const o = parseFlags(args, { id: { type: 'string' }, reason: { type: 'string' } }, ['id', 'reason']);
      const { id, changed } = await withFlagNames(() =>
        releaseSwitch(cliActor, { id: o.id as string, reason: o.reason as string }),
      );
      console.log(changed ? `released ${id}` : `${id} was not engaged`);
    },
  },
];
