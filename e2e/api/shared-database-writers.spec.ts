import { test, expect } from '../fixtures/test';
import { agentClient, type Reply } from '../fixtures/agent-client';
import { seedAgentWithTool, uniqueName, VALID_TICKET } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');

// Found on SQLite: Prisma's better-sqlite3 adapter opens transactions with a deferred `BEGIN`, so a transaction that
// reads and then writes, while another process commits in between, failed with SQLITE_BUSY_SNAPSHOT. Warden's
// transactions now take the write lock as they begin, as BEGIN IMMEDIATE would (lib/db/sqlite/prisma-adapter.ts), so
// the other writer waits instead. This spec keeps it so.
test('a transaction of a second process (like the admin CLI) survives a write the server commits meanwhile', async ({
  baseURL,
}) => {
  const { key, tool } = await seedAgentWithTool({ approvalRequired: false });
  const agent = agentClient(baseURL!, key);

  let serverWrite: Promise<Reply> | undefined;
  const localTransaction = await db()
    .$transaction(async (tx) => {
      await tx.tool.count(); // reads first, as the domain functions do
      serverWrite = agent.propose({ tool: tool.name, params: VALID_TICKET });
      // The server's write commits now, unless it has to wait for this transaction (then it goes on after we commit).
      await Promise.race([serverWrite, new Promise((resolve) => setTimeout(resolve, 3000))]);
      await tx.tool.create({
        data: {
          id: uniqueName('tool'),
          name: uniqueName('tool').replaceAll('-', '_'),
          description: 'x',
          actionLevel: 'read',
          parameters: '{}',
        },
      });
    })
    .then(
      () => 'committed',
      (error: Error) => error.message.trim(),
    );

  expect(localTransaction).toBe('committed');
  expect((await serverWrite!).status).toBe(201);
});
