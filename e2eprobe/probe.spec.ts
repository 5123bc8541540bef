import { test, expect } from '@playwright/test';
import path from 'node:path';
const tsx = require('tsx/cjs/api');
test('load', async () => {
  process.env.DATABASE_URL = 'file:./data/test/probe.db';
  const m = tsx.require(path.resolve('lib/db/migrate.ts'), __filename);
  await m.migrateDatabase({ provider: 'sqlite', file: process.cwd() + '/data/test/probe.db' });
  const u = tsx.require(path.resolve('lib/users/create-user.ts'), __filename);
  const r = await u.createUser({ type: 'cli', id: 'test' }, { email: `p${Date.now()}@x.test`, name: 'P', roles: ['admin'] });
  console.log(r);
  const c1 = tsx.require(path.resolve('lib/db/client.ts'), __filename);
  const c2 = tsx.require(path.resolve('lib/db/client.ts'), __filename);
  console.log('same module', c1 === c2, c1.db() === c2.db());
  expect(r.user.id).toBeTruthy();
});
