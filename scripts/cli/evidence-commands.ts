import { trustedPublicKeys } from '@/lib/audit/chain/signing-key';
import { buildEvidenceBundle } from '@/lib/evidence/build-evidence-bundle';
import { buildIncidentEvidenceBundle } from '@/lib/evidence/build-incident-evidence-bundle';
import { verifyEvidenceBundle } from '@/lib/evidence/verify-evidence-bundle';
import { cliActor, parseFlags, UsageError, type Command } from './command';

function instant(flag: string, text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d\d-\d\d/.test(text) || Number.isNaN(date.getTime()))
    throw new UsageError(`--${flag}: "${text}" is not an ISO-8601 time (e.g. 2026-12-05T14:00:00Z)`);
  return date;
}

/** `evidence …`: a signed bundle of what agents did in a window, and its offline check. */
export const evidenceCommands: Command[] = [
  {
    name: 'evidence export',
    usage:
      '(--agent N ... | --all-agents) --since ISO [--until ISO] --out FILE | --incident ID --out FILE   one tar: actions and audit JSONL, a CSV, a signed manifest (and incident.json)',
    async run(args) {
      const o = parseFlags(
        args,
        {
          agent: { type: 'string', multiple: true },
          'all-agents': { type: 'boolean' },
          since: { type: 'string' },
          until: { type: 'string' },
          incident: { type: 'string' },
          out: { type: 'string' },
        },
        ['out'],
      );
      const agents = (o.agent as string[] | undefined) ?? [];
      if (o.incident) {
        // The incident names its agents and window: anything else would contradict it.
        if (agents.length || o['all-agents'] || o.since || o.until)
          throw new UsageError(
            '--incident takes its agents and window from the incident: leave out --agent, --all-agents, --since and --until',
          );
        const manifest = await buildIncidentEvidenceBundle(cliActor, o.incident as string, o.out as string);
        console.log(
          `evidence of incident ${o.incident as string}: ${manifest.selection.agents.length} agent(s), ${manifest.selection.from} – ${manifest.selection.to}: ${manifest.counts.actions} actions, ${manifest.counts.auditEvents} audit events, ${manifest.counts.notes ?? 0} notes, ${manifest.counts.marks ?? 0} marks, signed by key ${manifest.signer.keyId}`,
        );
        console.log(o.out as string);
        return;
      }
      if (!o.since) throw new UsageError('missing --since');
      if (Boolean(o['all-agents']) === agents.length > 0)
        throw new UsageError('name the agents with --agent N (repeatable), or give --all-agents');
      const manifest = await buildEvidenceBundle(
        cliActor,
        {
          agentNames: o['all-agents'] ? 'all' : agents,
          from: instant('since', o.since as string),
          to: o.until ? instant('until', o.until as string) : new Date(),
        },
        o.out as string,
      );
      console.log(
        `evidence of ${manifest.selection.agents.length} agent(s), ${manifest.selection.from} – ${manifest.selection.to}: ${manifest.counts.actions} actions, ${manifest.counts.auditEvents} audit events, signed by key ${manifest.signer.keyId}`,
      );
      console.log(o.out as string);
    },
  },
  {
    name: 'evidence verify',
    needsDatabase: false,
    usage:
      'FILE [--public-key K ...]   exit 0 when intact and signed by a trusted key; else non-zero naming what fails',
    async run(args) {
      const [file, ...rest] = args;
      if (!file || file.startsWith('--')) throw new UsageError('name the bundle: evidence verify FILE');
      const o = parseFlags(rest, { 'public-key': { type: 'string', multiple: true } });
      const trusted = new Set([...trustedPublicKeys(), ...((o['public-key'] as string[] | undefined) ?? [])]);
      const verdict = await verifyEvidenceBundle(file, trusted);
      if (!verdict.ok) throw new Error(`evidence verification failed: ${verdict.problem}`);
      console.log(
        `evidence ok: ${verdict.manifest.counts.actions} actions, ${verdict.manifest.counts.auditEvents} audit events, signed by key ${verdict.keyId}`,
      );
    },
  },
];
