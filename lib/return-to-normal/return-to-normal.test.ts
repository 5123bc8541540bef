// The return to normal on a real, migrated SQLite file through the app's own modules (PostgreSQL: the API spec
// e2e/api/return-to-normal.spec.ts runs the same rules there).
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor';
import { useSqliteTestDatabase } from '../db/sqlite-test-database';

const PASSWORD = 'a-long-enough-password';
const ada: Actor = { type: 'user', id: 'u-ada', email: 'ada@example.test', name: 'Ada Admin', roles: ['admin'] };
const bob: Actor = { type: 'user', id: 'u-bob', email: 'bob@example.test', name: 'Bob Admin', roles: ['admin'] };
const rex: Actor = { type: 'user', id: 'u-rex', email: 'rex@example.test', name: 'Rex Reviewer', roles: ['reviewer'] };
const cli: Actor = { type: 'cli', id: 'cli' };
const since = new Date(Date.now() - 3600_000).toISOString();

describe('the return to normal', () => {
  const database = useSqliteTestDatabase('warden-return-to-normal-');
  const load = async () => ({
    ...(await import('../incidents/open-incident')),
    ...(await import('./request-return-to-normal')),
    ...(await import('./approve-return-to-normal')),
    ...(await import('./reject-return-to-normal')),
    ...(await import('./cancel-return-to-normal')),
    ...(await import('./release-as-single-admin')),
    ...(await import('./get-return-to-normal')),
    ...(await import('../kill-switches/release-switch')),
    ...(await import('../kill-switches/engage-switch')),
  });
  const events = async (type: string) =>
    (await database.client.auditEvent.findMany({ where: { type }, orderBy: { seq: 'asc' } })).map((e) => ({
      actorId: e.actorId,
      agentId: e.agentId,
      payload: JSON.parse(e.payload) as Record<string, unknown>,
    }));
  let seeded = false;

  async function seed() {
    if (seeded) return;
    seeded = true;
    const { hashPassword } = await import('../auth/password');
    const passwordHash = await hashPassword(PASSWORD);
    await database.client.user.createMany({
      data: [
        { id: 'u-ada', email: 'ada@example.test', name: 'Ada Admin', roles: 'admin', passwordHash },
        { id: 'u-bob', email: 'bob@example.test', name: 'Bob Admin', roles: 'admin', passwordHash },
        { id: 'u-rex', email: 'rex@example.test', name: 'Rex Reviewer', roles: 'reviewer', passwordHash },
        { id: 'u-own', email: 'olga@example.test', name: 'Olga', roles: 'owner', passwordHash },
      ],
    });
  }

  let agentCount = 0;
  async function incidentFor(
    containment: ('pause' | 'review-all' | 'draft-only' | 'revoke-keys')[],
    agentIds?: string[],
  ) {
    await seed();
    const ids = agentIds ?? [`a-${++agentCount}`];
    for (const id of ids)
      await database.client.agent.upsert({
        where: { id },
        create: { id, name: `bot-${id}`, purpose: 'test', ownerId: 'u-own' },
        update: {},
      });
    const { openIncident } = await load();
    const opened = await openIncident(ada, {
      title: `Incident ${ids.join(',')} ${containment.join('+')}`,
      agents: ids,
      windowStart: since,
      containment,
    });
    return { ...opened, agentIds: ids };
  }

  it('admin A requests, A cannot approve, admin B approves: the switches are released and the paused agent resumes, in one transaction', async () => {
    const { requestReturnToNormal, approveReturnToNormal } = await load();
    const incident = await incidentFor(['pause', 'review-all']);
    const [agentId] = incident.agentIds;
    const { id } = await requestReturnToNormal(ada, {
      target: { incidentId: incident.id },
      reason: 'refunds verified',
    });

    await expect(approveReturnToNormal(ada, { requestId: id })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You asked for this return to normal: another admin must approve it.',
    });
    await expect(approveReturnToNormal(rex, { requestId: id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approveReturnToNormal(cli, { requestId: id })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await database.client.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).engaged).toBe(
      true,
    );

    const result = await approveReturnToNormal(bob, { requestId: id, note: 'looked at the window' });
    expect(result).toEqual({
      requestId: id,
      releasedSwitches: incident.switchIds,
      resumedAgents: [`bot-${agentId}`],
      stillPaused: [],
    });
    expect(await database.client.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).toMatchObject({
      engaged: false,
      engagedKey: null,
      releasedById: 'u-bob',
    });
    expect((await database.client.agent.findUniqueOrThrow({ where: { id: agentId } })).status).toBe('active');
    expect(await database.client.returnToNormalRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'approved',
      decidedById: 'u-bob',
      decisionNote: 'looked at the window',
      singleAdmin: false,
    });

    expect((await events('switch.released')).filter((e) => e.payload.switchId === incident.switchIds[0])).toEqual([
      {
        actorId: 'u-bob',
        agentId,
        payload: expect.objectContaining({
          breakGlass: false,
          returnToNormalRequestId: id,
          reason: 'return to normal: refunds verified',
        }),
      },
    ]);
    expect((await events('agent.resumed')).filter((e) => e.agentId === agentId)).toEqual([
      { actorId: 'u-bob', agentId, payload: { returnToNormalRequestId: id, incidentId: incident.id } },
    ]);
    expect((await events('return_to_normal.approved')).at(-1)).toEqual({
      actorId: 'u-bob',
      agentId: null,
      payload: {
        requestId: id,
        incidentId: incident.id,
        switchId: null,
        target: expect.stringContaining('incident "'),
        reason: 'refunds verified',
        requestedBy: 'ada@example.test',
        note: 'looked at the window',
        releasedSwitches: incident.switchIds,
        resumedAgents: [`bot-${agentId}`],
        stillPaused: [],
      },
    });
    // Approved is final.
    await expect(approveReturnToNormal(bob, { requestId: id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('one waiting request per target; the requester cancels, another admin rejects; neither releases anything', async () => {
    const { requestReturnToNormal, rejectReturnToNormal, cancelReturnToNormal } = await load();
    const incident = await incidentFor(['draft-only']);
    const target = { incidentId: incident.id };
    const first = await requestReturnToNormal(ada, { target, reason: 'first' });
    await expect(requestReturnToNormal(bob, { target, reason: 'second' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already waiting for approval (asked by Ada Admin)'),
    });
    await expect(cancelReturnToNormal(bob, { requestId: first.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rejectReturnToNormal(ada, { requestId: first.id })).rejects.toMatchObject({
      message: 'You asked for this return to normal: cancel it instead.',
    });
    await cancelReturnToNormal(ada, { requestId: first.id });

    const second = await requestReturnToNormal(bob, { target, reason: 'second' });
    await rejectReturnToNormal(ada, { requestId: second.id, note: 'not yet' });
    expect((await database.client.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).engaged).toBe(
      true,
    );
    expect((await events('return_to_normal.cancelled')).at(-1)?.payload).toMatchObject({
      requestId: first.id,
      reason: 'first',
    });
    expect((await events('return_to_normal.rejected')).at(-1)?.payload).toMatchObject({
      requestId: second.id,
      note: 'not yet',
    });
    await expect(requestReturnToNormal(ada, { target, reason: '   ' })).rejects.toMatchObject({ name: 'ZodError' });
  });

  it('a request past its expiry reads expired and cannot be approved; a new one may be asked for', async () => {
    const { requestReturnToNormal, approveReturnToNormal, getReturnToNormal } = await load();
    const incident = await incidentFor(['review-all']);
    const target = { incidentId: incident.id };
    const { id, expiresAt } = await requestReturnToNormal(ada, { target, reason: 'done' });
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    const after = new Date(expiresAt.getTime() + 1);
    await expect(approveReturnToNormal(bob, { requestId: id }, after)).rejects.toMatchObject({
      code: 'conflict',
      message: 'This request is expired; only a pending request can be approved.',
    });
    expect((await getReturnToNormal(bob, target, after)).history[0]).toMatchObject({ id, status: 'expired' });
    expect((await database.client.switch.findUniqueOrThrow({ where: { id: incident.switchIds[0] } })).engaged).toBe(
      true,
    );
    // At the instant itself it is already expired.
    await expect(approveReturnToNormal(bob, { requestId: id }, expiresAt)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an agent another incident still holds paused stays paused; keys revoked by the incident stay revoked', async () => {
    const { requestReturnToNormal, approveReturnToNormal, getReturnToNormal } = await load();
    await seed();
    await database.client.agent.create({
      data: { id: 'a-shared', name: 'bot-shared', purpose: 'test', ownerId: 'u-own' },
    });
    await database.client.agentKey.create({
      data: { id: 'k-shared', agentId: 'a-shared', hash: 'h-shared', prefix: 'wk_shared' },
    });
    const first = await incidentFor(['pause', 'revoke-keys'], ['a-shared']);
    // Paused already: the second incident does not own the pause.
    const second = await incidentFor(['review-all'], ['a-shared']);
    await database.client.incidentAgent.update({
      where: { incidentId_agentId: { incidentId: second.id, agentId: 'a-shared' } },
      data: { pausedByIncident: true },
    });
    const view = await getReturnToNormal(ada, { incidentId: first.id });
    expect(view.heldByAnotherIncident).toEqual([
      { id: 'a-shared', name: 'bot-shared', incident: expect.stringContaining('Incident a-shared') },
    ]);
    expect(view.revokedKeys).toEqual([{ agent: 'bot-shared', prefix: 'wk_shared', revokedAt: expect.any(Date) }]);
    const { id } = await requestReturnToNormal(ada, { target: { incidentId: second.id }, reason: 'second first' });
    expect(await approveReturnToNormal(bob, { requestId: id })).toMatchObject({
      resumedAgents: [],
      stillPaused: ['bot-shared'],
    });
    expect((await database.client.agent.findUniqueOrThrow({ where: { id: 'a-shared' } })).status).toBe('paused');
    const last = await requestReturnToNormal(ada, { target: { incidentId: first.id }, reason: 'now both' });
    expect(await approveReturnToNormal(bob, { requestId: last.id })).toMatchObject({
      resumedAgents: ['bot-shared'],
      stillPaused: [],
    });
    expect((await database.client.agentKey.findUniqueOrThrow({ where: { id: 'k-shared' } })).revokedAt).not.toBeNull();
  });

  it('the global stop: a person cannot release it on Controls, the CLI can (break-glass); the request flow releases it', async () => {
    const { engageGlobalStop, releaseSwitch, releaseGlobalStop, requestReturnToNormal, approveReturnToNormal } =
      await load();
    await seed();
    await expect(
      requestReturnToNormal(ada, { target: { switchId: 'global_stop' }, reason: 'x' }),
    ).rejects.toMatchObject({ message: 'Nothing to return to normal: the global stop is not engaged.' });
    await engageGlobalStop(ada, 'spike');
    await expect(releaseSwitch(ada, { id: 'global_stop', reason: 'fine', password: PASSWORD })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('"Request release" on Controls'),
    });
    const { id } = await requestReturnToNormal(ada, { target: { switchId: 'global_stop' }, reason: 'spike over' });
    expect(await approveReturnToNormal(bob, { requestId: id })).toMatchObject({ releasedSwitches: ['global_stop'] });
    expect((await database.client.switch.findUniqueOrThrow({ where: { id: 'global_stop' } })).engaged).toBe(false);
    expect((await events('switch.global_stop_released')).at(-1)?.payload).toMatchObject({
      breakGlass: false,
      returnToNormalRequestId: id,
    });

    await engageGlobalStop(ada, 'again');
    expect(await releaseGlobalStop(cli, 'break glass')).toEqual({ changed: true });
    expect((await events('switch.global_stop_released')).at(-1)).toMatchObject({
      actorId: 'cli',
      payload: { breakGlass: true },
    });
  });

  it("an incident's switch: refused on Controls with the pointer, released from the CLI", async () => {
    const { releaseSwitch } = await load();
    const incident = await incidentFor(['review-all']);
    await expect(
      releaseSwitch(ada, { id: incident.switchIds[0], reason: 'fine', password: PASSWORD }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining(`/incidents/${incident.id}/recovery`),
    });
    expect(await releaseSwitch(cli, { id: incident.switchIds[0], reason: 'break glass' })).toEqual({
      id: incident.switchIds[0],
      changed: true,
    });
  });

  it('a single active admin releases alone with the password again, audited singleAdmin; with two admins it is refused', async () => {
    const { releaseAsSingleAdmin } = await load();
    const incident = await incidentFor(['pause', 'review-all']);
    const target = { incidentId: incident.id };
    await expect(releaseAsSingleAdmin(ada, { target, reason: 'alone', password: PASSWORD })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('2 active admins'),
    });
    await database.client.user.update({ where: { id: 'u-bob' }, data: { disabled: true } });
    try {
      await expect(releaseAsSingleAdmin(ada, { target, reason: 'alone', password: 'wrong' })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      await expect(releaseAsSingleAdmin(rex, { target, reason: 'alone', password: PASSWORD })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const result = await releaseAsSingleAdmin(ada, { target, reason: 'alone', password: PASSWORD });
      expect(result.releasedSwitches).toEqual(incident.switchIds);
      expect(
        await database.client.returnToNormalRequest.findUniqueOrThrow({ where: { id: result.requestId } }),
      ).toMatchObject({ status: 'approved', singleAdmin: true, requestedById: 'u-ada', decidedById: 'u-ada' });
      expect((await events('return_to_normal.single_admin_released')).at(-1)).toMatchObject({
        actorId: 'u-ada',
        payload: { singleAdmin: true, reason: 'alone', requestId: result.requestId },
      });
      expect((await events('switch.released')).at(-1)?.payload).toMatchObject({
        singleAdmin: true,
        returnToNormalRequestId: result.requestId,
      });
    } finally {
      await database.client.user.update({ where: { id: 'u-bob' }, data: { disabled: false } });
    }
  });
});
