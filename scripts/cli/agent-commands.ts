import { listAgentNames } from '@/lib/agents/list-agent-names';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { cliActor, parseFlags, type Command } from './command';

export const agentCommands: Command[] = [
  {
    name: 'agent list',
    usage: '',
    async run(args) {
      parseFlags(args, {});
      for (const name of await listAgentNames(cliActor)) console.log(name);
    },
  },
  {
    name: 'agent pause',
    usage: '--agent NAME',
    async run(args) {
      const o = parseFlags(args, { agent: { type: 'string' } }, ['agent']);
      const change = await pauseAgent(cliActor, { name: o.agent as string }, 'paused from the CLI');
      console.log(`${change.name} ${change.changed ? 'paused' : 'was already paused'}`);
    },
  },
  {
    name: 'agent resume',
    usage: '--agent NAME',
    async run(args) {
      const o = parseFlags(args, { agent: { type: 'string' } }, ['agent']);
      const change = await resumeAgent(cliActor, { name: o.agent as string });
      console.log(`${change.name} ${change.changed ? 'resumed' : 'was already active'}`);
    },
  },
];
