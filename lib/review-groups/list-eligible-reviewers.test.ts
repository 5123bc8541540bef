import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES, useTestDatabase } from '../db/test-databases';

/** listEligibleReviewers on a real database: exactly the people addGroupMember would accept. */
describe.each(TEST_DATABASES)('listEligibleReviewers on %s', (kind) => {
  useTestDatabase(kind, 'warden-eligible-reviewers');
  let w: typeof import('../seed/test-world');
  let listEligibleReviewers: typeof import('./list-eligible-reviewers').listEligibleReviewers;
  let setUserDisabled: typeof import('../users/set-user-disabled').setUserDisabled;
  beforeAll(async () => {
    w = await import('../seed/test-world');
    ({ listEligibleReviewers } = await import('./list-eligible-reviewers'));
    ({ setUserDisabled } = await import('../users/set-user-disabled'));
  });

  it('active reviewers and admins, by name; not viewers, owners or disabled people; for admins only', async () => {
    const rita = await w.person(['reviewer'], 'Rita');
    const ada = await w.person(['admin'], 'Ada');
    const oscar = await w.person(['owner', 'reviewer'], 'Oscar');
    await w.person(['viewer'], 'Vic');
    await w.person(['owner'], 'Olga');
    const dora = await w.person(['reviewer'], 'Dora');
    await setUserDisabled(w.SETUP, { id: dora.id }, true);

    expect(await listEligibleReviewers(w.SETUP)).toEqual(
      [ada, oscar, rita].map(({ id, name, email }) => ({ id, name, email })),
    );
    await expect(listEligibleReviewers(rita)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
