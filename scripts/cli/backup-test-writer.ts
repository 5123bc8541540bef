// For backup-commands.test.ts: another process writing to the database as a running server does — proposals through
// the gate (an agent whose grant approves on its own), sealed into the audit chain as they come — until told to stop.
// Prints "ready" once it has written some, and "wrote N" when it stops (SIGTERM). Holds the database open meanwhile.
import { sealAuditEvents } from '@/lib/audit/chain/seal-audit-events';
import { disconnectDb } from '@/lib/db/client';
import { migrateDatabase } from '@/lib/db/migrate';
import { proposeAction } from '@/lib/gate/propose-action';

async function main() {
  await migrateDatabase();
  const { agentWithRefundTool, REFUND } = await import('@/lib/seed/test-world');
  const { agent, tool } = await agentWithRefundTool({ rules: { approvals: 0 } });
  let stopping = false;
  process.on('SIGTERM', () => (stopping = true));
  let written = 0;
  while (!stopping) {
    const result = await proposeAction(agent, { tool: tool.name, params: { ...REFUND, amount: written + 1 } });
    if (result.status !== 'approved') throw new Error(`expected approved, got ${result.status}`);
    written += 1;
    if (written % 10 === 0) await sealAuditEvents(`backup-test-writer:${process.pid}`);
    if (written === 30) console.log('ready');
  }
  await sealAuditEvents(`backup-test-writer:${process.pid}`);
  console.log(`wrote ${written}`);
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
