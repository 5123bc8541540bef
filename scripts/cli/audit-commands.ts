import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { exportCheckpoints } from '@/lib/audit/chain/export-checkpoints';
import { sealAuditEvents } from '@/lib/audit/chain/seal-audit-events';
import { verifyAuditChain } from '@/lib/audit/chain/verify-audit-chain';
import type { ExportedCheckpoint } from '@/lib/audit/chain/verify-chain';
import { cliActor, parseFlags, UsageError, type Command } from './command';

const exportedFile = z.object({
  format: z.literal('warden-audit-checkpoints/v1'),
  checkpoints: z.array(
    z.object({
      chainIndex: z.number().int().positive(),
      seq: z.number().int(),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
      signedAt: z.iso.datetime(),
      keyId: z.string(),
      publicKey: z.string().min(1),
      signature: z.string().min(1),
    }),
  ),
});

/** `audit …` commands (verification and export of the audit chain). */
export const auditCommands: Command[] = [
  {
    name: 'audit verify',
    usage:
      '[--checkpoints FILE]   check the hash chain, checkpoints and signed head; FILE: an earlier export, verified off the box',
    async run(args) {
      const o = parseFlags(args, { checkpoints: { type: 'string' } });
      const pinned = typeof o.checkpoints === 'string' ? readCheckpoints(o.checkpoints) : undefined;
      const result = await verifyAuditChain({ pinned });
      const problem = result.problem;
      if (problem) {
        const where =
          problem.seq !== null
            ? `at seq ${problem.seq}`
            : problem.afterSeq !== null
              ? `after seq ${problem.afterSeq}`
              : 'at the first event';
        throw new Error(`audit verification failed ${where}: ${problem.reason}`);
      }
      console.log(`audit ok: ${result.events} events, ${result.checkpoints} checkpoints`);
      if (result.unsealed > 0)
        console.error(
          `note: ${result.unsealed} newer events are not sealed yet (a running server seals them within a second; or run \`audit seal\`)`,
        );
    },
  },
  {
    name: 'audit export',
    usage: '--checkpoints   print the signed checkpoints and the public key as JSON, to keep off the box',
    async run(args) {
      const o = parseFlags(args, { checkpoints: { type: 'boolean' } });
      if (!o.checkpoints) throw new UsageError('audit export needs --checkpoints');
      console.log(JSON.stringify(await exportCheckpoints(), null, 2));
    },
  },
  {
    name: 'audit seal',
    usage: '       seal the events waiting for the chain now (the server does this by itself within a second)',
    async run(args) {
      parseFlags(args, {});
      const sealed = await sealAuditEvents(`${cliActor.id}:${process.pid}`);
      console.log(sealed === null ? 'another sealer holds the lease; nothing sealed here' : `sealed ${sealed} events`);
    },
  },
];

function readCheckpoints(file: string): ExportedCheckpoint[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--checkpoints: cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = exportedFile.safeParse(
    (() => {
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    })(),
  );
  if (!parsed.success)
    throw new UsageError(`--checkpoints: ${file} is not an export of \`audit export --checkpoints\``);
  return parsed.data.checkpoints;
}
