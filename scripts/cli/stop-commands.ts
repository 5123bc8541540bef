import { engageGlobalStop, releaseGlobalStop } from '@/lib/kill-switches/set-global-stop';
import { cliActor, parseFlags, type Command } from './command';

export const stopCommands: Command[] = [
  {
    name: 'stop',
    usage: '       engage the global stop: every agent is blocked',
    async run(args) {
      parseFlags(args, {});
      const { changed } = await engageGlobalStop(cliActor);
      console.log(changed ? 'global stop engaged: all agents are blocked' : 'global stop was already engaged');
    },
  },
  {
    name: 'release',
    usage: '    release the global stop',
    async run(args) {
      parseFlags(args, {});
      const { changed } = await releaseGlobalStop(cliActor);
      console.log(changed ? 'global stop released' : 'global stop was not engaged');
    },
  },
];
