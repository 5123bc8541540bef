import { engageGlobalStop } from '@/lib/kill-switches/engage-switch';
import { releaseGlobalStop } from '@/lib/kill-switches/release-switch';
import { cliActor, parseFlags, type Command } from './command';

// Shorthands for the global block switch (`switch engage --scope global --effect block`, `switch release --id global_stop`).
export const stopCommands: Command[] = [
  {
    name: 'stop',
    usage: '       [--reason R]   engage the global stop: every agent is blocked',
    async run(args) {
      const o = parseFlags(args, { reason: { type: 'string' } });
      const { changed } = await engageGlobalStop(
        cliActor,
        (o.reason as string | undefined) ?? 'global stop engaged from the CLI',
      );
      console.log(changed ? 'global stop engaged: all agents are blocked' : 'global stop was already engaged');
    },
  },
  {
    name: 'release',
    usage: '    [--reason R]   release the global stop (break-glass: no step-up, audited as such)',
    async run(args) {
      const o = parseFlags(args, { reason: { type: 'string' } });
      const { changed } = await releaseGlobalStop(
        cliActor,
        (o.reason as string | undefined) ?? 'global stop released from the CLI',
      );
      console.log(changed ? 'global stop released' : 'global stop was not engaged');
    },
  },
];
