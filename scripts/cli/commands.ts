// Every admin CLI command, in the order the usage lists them. Each noun's commands live in a file of their own.
import { agentCommands } from './agent-commands';
import { auditCommands } from './audit-commands';
import { backupCommands } from './backup-commands';
import type { Command } from './command';
import { evidenceCommands } from './evidence-commands';
import { incidentCommands } from './incident-commands';
import { keyCommands } from './key-commands';
import { mcpServerCommands } from './mcp-server-commands';
import { stopCommands } from './stop-commands';
import { switchCommands } from './switch-commands';
import { userCommands } from './user-commands';

export const COMMANDS: Command[] = [
  ...userCommands,
  ...agentCommands,
  ...keyCommands,
  ...auditCommands,
  ...evidenceCommands,
  ...stopCommands,
  ...switchCommands,
  ...incidentCommands,
  ...backupCommands,
  ...mcpServerCommands,
];

export const USAGE = [
  'usage: npm run warden -- <command>',
  ...COMMANDS.map((c) => `  ${c.name} ${c.usage}`.trimEnd()),
].join('\n');

/** The command named by the first one or two words, and the arguments after its name. */
export function findCommand(argv: string[]): { command: Command; args: string[] } | undefined {
  for (const words of [2, 1]) {
    const command = COMMANDS.find((c) => c.name === argv.slice(0, words).join(' '));
    if (command) return { command, args: argv.slice(words) };
  }
  return undefined;
}
