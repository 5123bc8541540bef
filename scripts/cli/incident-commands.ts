import { ZodError } from 'zod';
import { fieldIssues } from '@/lib/errors';
import { closeIncident } from '@/lib/incidents/close-incident';
import { listIncidents } from '@/lib/incidents/list-incidents';
import { openIncident } from '@/lib/incidents/open-incident';
import type { ContainmentOption, IncidentSeverity } from '@/lib/incidents/schemas';
import { cliActor, parseFlags, UsageError, type Command } from './command';

/** The domain's field names as the flags the admin typed. */
const FLAG_FOR_FIELD: Record<string, string> = {
  agents: 'agent',
  windowStart: 'since',
  containment: 'contain',
  resolution: 'summary',
};

async function withFlagNames<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw new Error(
      fieldIssues(error.issues)
        .map((issue) => {
          const field = issue.path.split('.')[0];
          return `--${FLAG_FOR_FIELD[field] ?? field}: ${issue.message}`;
        })
        .join('; '),
    );
  }
}

/** `incident …`: open one with its containment, list them, close one with its resolution. */
export const incidentCommands: Command[] = [
  {
    name: 'incident open',
    usage:
      '--title T (--agent N ... | --all-agents) --since ISO-8601 [--contain pause|review-all|draft-only|revoke-keys ...] [--severity low|medium|high|critical] [--fallback TEXT]',
    async run(args) {
      const o = parseFlags(
        args,
        {
          title: { type: 'string' },
          agent: { type: 'string', multiple: true },
          'all-agents': { type: 'boolean' },
          since: { type: 'string' },
          contain: { type: 'string', multiple: true },
          severity: { type: 'string' },
          fallback: { type: 'string' },
        },
        ['title', 'since'],
      );
      const agents = (o.agent as string[] | undefined) ?? [];
      if (Boolean(o['all-agents']) === agents.length > 0)
        throw new UsageError('name the agents with --agent N (repeatable), or give --all-agents');
      const opened = await withFlagNames(() =>
        openIncident(cliActor, {
          title: o.title as string,
          severity: (o.severity as IncidentSeverity | undefined) ?? 'high',
          agents,
          allAgents: Boolean(o['all-agents']),
          windowStart: o.since as string,
          containment: (o.contain as ContainmentOption[] | undefined) ?? [],
          manualFallback: (o.fallback as string | undefined) ?? '',
        }),
      );
      const contained = [
        opened.pausedAgents.length ? `paused ${opened.pausedAgents.join(', ')}` : null,
        opened.switchIds.length ? `${opened.switchIds.length} switch(es) ${opened.switchIds.join(', ')}` : null,
        opened.revokedKeys ? `${opened.revokedKeys} key(s) revoked` : null,
      ].filter(Boolean);
      console.log(`incident opened${contained.length ? `: ${contained.join('; ')}` : ' (no containment)'}`);
      console.log(opened.id);
    },
  },
  {
    name: 'incident list',
    usage: '[--status open|closed]   one line per incident: id status severity since agents title',
    async run(args) {
      const o = parseFlags(args, { status: { type: 'string' } });
      const incidents = await withFlagNames(() => listIncidents(cliActor, { status: o.status as 'open' | undefined }));
      for (const i of incidents) {
        console.log(
          [i.id, i.status, i.severity, i.windowStart, i.allAgents ? 'all-agents' : i.agents.join(','), i.title].join(
            ' ',
          ),
        );
      }
    },
  },
  {
    name: 'incident close',
    usage: '--id ID --summary S   the resolution; closed is final (the return to normal is separate)',
    async run(args) {
      const o = parseFlags(args, { id: { type: 'string' }, summary: { type: 'string' } }, ['id', 'summary']);
      const { id } = await withFlagNames(() =>
        closeIncident(cliActor, { id: o.id as string, resolution: o.summary as string }),
      );
      console.log(`closed ${id}`);
    },
  },
];
