import type { Db } from './client';
import { exerciseAuditChain } from './every-model/audit-chain';
import { exerciseIncidents } from './every-model/incidents';
import { exerciseMcp } from './every-model/mcp';
import { exercisePeopleAgentsActions } from './every-model/people-agents-actions';

/*
 * Test data for lib/db/migrations.test.ts: one row of every model, written and read back through the app's client on
 * a database built from the migrations. A model added to the schema is added to its group here too (the test compares
 * the list this returns with every model Prisma knows).
 */

/** Creates one row of every model and reads each back; returns the model names it covered. */
export async function exerciseEveryModel(client: Db): Promise<string[]> {
  const { models, context } = await exercisePeopleAgentsActions(client);
  return [
    ...models,
    ...(await exerciseAuditChain(context)),
    ...(await exerciseIncidents(context)),
    ...(await exerciseMcp(context)),
  ];
}
