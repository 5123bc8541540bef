import { createAgentKey } from '@/lib/agents/create-agent-key';
import { cliActor, parseFlags, type Command } from './command';

export const keyCommands: Command[] = [
  {
    name: 'key create',
    usage: '--agent NAME',
    async run(args) {
      const o = parseFlags(args, { agent: { type: 'string' } }, ['agent']);
      const { key, prefix } = await createAgentKey(cliActor, { name: o.agent as string });
      console.log(`created key ${prefix}… for ${o.agent} — store it now, it is not shown again:`);
      console.log(key);
    },
  },
];
