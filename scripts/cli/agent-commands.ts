import { ZodError } from 'zod';
import { archiveAgent } from '@/lib/agents/archive-agent';
import { createAgent } from '@/lib/agents/create-agent';
import { listAgentNames } from '@/lib/agents/list-agent-names';
import { pauseAgent, resumeAgent } from '@/lib/agents/set-agent-status';
import { updateAgent } from '@/lib/agents/update-agent';
import { fieldIssues } from '@/lib/errors';
import { cliActor, parseFlags, UsageError, type Command } from './command';

/** The agent's editable fields as flags; the domain names them in camelCase. */
const FIELD_FLAGS = {
  purpose: 'purpose',
  environment: 'environment',
  mode: 'mode',
  monitoringNote: 'monitoring-note',
  shutoffContact: 'shutoff-contact',
  ownerEmail: 'owner',
  owner: 'owner',
  name: 'name',
  expectedVersion: 'if-version',
} as const;

const FIELD_SPEC = {
  purpose: { type: 'string' },
  environment: { type: 'string' },
  mode: { type: 'string' },
  'monitoring-note': { type: 'string' },
  'shutoff-contact': { type: 'string' },
  owner: { type: 'string' },
} as const;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Zod's field paths are the domain's names: say them as the flags the admin typed. */
async function withFlagNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const text = fieldIssues(error.issues).map(
      (issue) => `--${FIELD_FLAGS[issue.path as keyof typeof FIELD_FLAGS] ?? issue.path}: ${issue.message}`,
    );
    throw new Error(text.join('; '));
  }
}

export const agentCommands: Command[] = [
  {
    name: 'agent list',
    usage: '',
    async run(args) {
      parseFlags(args, {});
      for (const { name, archived } of await listAgentNames(cliActor))
        console.log(archived ? `${name} (archived)` : name);
    },
  },
  {
    name: 'agent create',
    usage:
      '--name N --owner EMAIL [--purpose P] [--environment test|production] [--mode live|draft_only] [--monitoring-note T] [--shutoff-contact C]',
    async run(args) {
      const o = parseFlags(args, { name: { type: 'string' }, ...FIELD_SPEC }, ['name', 'owner']);
      const agent = await withFlagNames(() =>
        createAgent(cliActor, {
          name: o.name as string,
          ownerEmail: str(o.owner),
          purpose: str(o.purpose),
          environment: str(o.environment) as 'test' | 'production' | undefined,
          mode: str(o.mode) as 'live' | 'draft_only' | undefined,
          monitoringNote: str(o['monitoring-note']),
          shutoffContact: str(o['shutoff-contact']),
        }),
      );
      console.log(
        `created agent ${agent.name} (owner ${o.owner as string}, ${agent.environment}, ${agent.mode}); shutoff contact: ${agent.shutoffContact}`,
      );
    },
  },
  {
    name: 'agent edit',
    usage:
      '--agent N [--purpose P] [--owner EMAIL] [--environment test|production] [--mode live|draft_only] [--monitoring-note T] [--shutoff-contact C] [--if-version V]',
    async run(args) {
      const o = parseFlags(args, { agent: { type: 'string' }, ...FIELD_SPEC, 'if-version': { type: 'string' } }, [
        'agent',
      ]);
      if (Object.keys(FIELD_SPEC).every((flag) => o[flag] === undefined))
        throw new UsageError(
          'nothing to change: give at least one of --purpose, --owner, --environment, --mode, --monitoring-note, --shutoff-contact',
        );
      const ifVersion = str(o['if-version']);
      if (ifVersion !== undefined && !/^[1-9][0-9]*$/.test(ifVersion))
        throw new UsageError('--if-version: a version number, as shown by the console');
      const update = await withFlagNames(() =>
        updateAgent(
          cliActor,
          { name: o.agent as string },
          {
            purpose: str(o.purpose),
            ownerEmail: str(o.owner),
            environment: str(o.environment) as 'test' | 'production' | undefined,
            mode: str(o.mode) as 'live' | 'draft_only' | undefined,
            monitoringNote: str(o['monitoring-note']),
            shutoffContact: str(o['shutoff-contact']),
            expectedVersion: ifVersion === undefined ? undefined : Number(ifVersion),
          },
        ),
      );
      console.log(
        update.changed
          ? `${update.name} changed (version ${update.version})`
          : `${update.name} unchanged (version ${update.version})`,
      );
    },
  },
  {
    name: 'agent archive',
    usage: '--agent NAME',
    async run(args) {
      const o = parseFlags(args, { agent: { type: 'string' } }, ['agent']);
      const archived = await archiveAgent(cliActor, { name: o.agent as string });
      console.log(
        `archived ${archived.name}: ${archived.revokedKeys.length} keys revoked, ${archived.rejectedActions} pending actions rejected, ${archived.blockedActions} approved actions blocked`,
      );
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
