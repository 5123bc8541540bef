import { expect } from 'vitest';
import type { Db } from '../client';
import type { EveryModelContext } from './context';

/** People, agents, tools, grants, actions and what hangs off them, and two audit events. */
export async function exercisePeopleAgentsActions(
  client: Db,
): Promise<{ models: string[]; context: EveryModelContext }> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const at = new Date('2026-11-25T12:00:00.000Z');
  const user = {
    id: `u-${suffix}`,
    email: `u-${suffix}@warden.test`,
    name: 'Ann',
    roles: 'admin,reviewer',
    passwordHash: 'scrypt$x',
  };
  const agent = {
    id: `a-${suffix}`,
    name: `agent-${suffix}`,
    purpose: 'test',
    ownerId: user.id,
    mode: 'draft_only',
    requesterKey: null,
  };
  const agentKey = {
    id: `k-${suffix}`,
    agentId: agent.id,
    hash: `h-${suffix}`,
    prefix: 'wdn_abc',
    label: 'ci',
    expiresAt: at,
  };
  const tool = {
    id: `t-${suffix}`,
    name: `tool_${suffix}`,
    description: 'd',
    actionLevel: 'update',
    parameters: '{"type":"object","properties":{"b":{},"a":{}}}',
  };
  const group = { id: `rg-${suffix}`, name: `Finance ${suffix}`, description: 'money' };
  const member = { groupId: group.id, userId: user.id };
  const grant = {
    id: `g-${suffix}`,
    agentId: agent.id,
    toolId: tool.id,
    approvals: 2,
    constraints: '[]',
    maxPending: 3,
    expiresAt: at,
    requiredGroups: JSON.stringify([group.id]),
    reviewGroupId: group.id,
    escalationLadder: JSON.stringify([{ afterMinutes: 30, groupId: group.id }]),
  };
  const action = {
    id: `x-${suffix}`,
    agentId: agent.id,
    toolId: tool.id,
    toolName: tool.name,
    params: '{"z":1,"a":[1,2]}',
    traceId: 'tr_1',
    status: 'approved',
    decidedAt: at,
    reviewerId: user.id,
    sources: '[{"title":"t"}]',
    currentValues: '{"z":0}',
    requiredGroups: JSON.stringify([group.id]),
    assignedGroupId: group.id,
    escalationLevel: 1,
    editedParams: '{"z":2,"a":[1]}',
    paramsVersion: 2,
  };
  const approval = { actionId: action.id, reviewerId: user.id, comment: 'ok', groupId: group.id };
  const channel = {
    id: `ch-${suffix}`,
    name: `hook-${suffix}`,
    kind: 'webhook',
    url: 'https://hooks.example.com/w',
    secret: 'whsec_x',
    groupId: group.id,
  };
  const delivery = {
    id: `d-${suffix}`,
    channelId: channel.id,
    eventSeq: 7,
    actionId: action.id,
    event: 'review_requested',
    body: '{"b":1,"a":2}',
    status: 'pending',
    attempts: 1,
    nextAttemptAt: at,
    lastStatus: 500,
    lastError: 'HTTP 500',
  };
  const cursor = { id: `cursor-${suffix}`, position: 42, leaseOwner: 'instance-1', leaseUntil: at };
  const idempotency = {
    agentId: agent.id,
    key: `idem-${suffix}`,
    requestHash: 'rh',
    state: 'done',
    statusCode: 201,
    responseBody: '{}',
  };
  const switchRow = { id: `switch-${suffix}`, engaged: true, changedById: user.id, changedAt: at };
  const session = { id: `s-${suffix}`, userId: user.id, expiresAt: at };
  const attempt = { id: `la-${suffix}`, email: user.email, address: '203.0.113.7', succeeded: false, at };
  const floor = { id: `tool:${tool.id}`, toolId: tool.id, actionLevel: null, minApprovals: 2, updatedById: user.id };
  const heldChange = {
    id: `hc-${suffix}`,
    grantId: grant.id,
    agentId: agent.id,
    toolName: tool.name,
    baseVersion: 1,
    rules: '{"approvals":1}',
    loosened: '["approvals required 2 → 1"]',
    status: 'pending',
    requestedById: user.id,
    requestedAt: at,
  };

  await client.user.create({ data: user });
  await client.agent.create({ data: agent });
  await client.agentKey.create({ data: agentKey });
  await client.tool.create({ data: tool });
  await client.reviewerGroup.create({ data: group });
  await client.reviewerGroupMember.create({ data: member });
  await client.grant.create({ data: grant });
  await client.action.create({ data: action });
  await client.actionApproval.create({ data: approval });
  await client.notificationChannel.create({ data: channel });
  await client.notificationDelivery.create({ data: delivery });
  await client.workerCursor.create({ data: cursor });
  await client.idempotencyRecord.create({ data: idempotency });
  await client.switch.create({ data: switchRow });
  await client.approvalFloor.create({ data: floor });
  await client.grantChangeRequest.create({ data: heldChange });
  await client.userSession.create({ data: session });
  await client.loginAttempt.create({ data: attempt });
  const first = await client.auditEvent.create({
    data: { actorType: 'user', actorId: user.id, actionId: action.id, type: 'action.approved' },
  });
  const second = await client.auditEvent.create({
    data: { actorType: 'agent', actorId: agent.id, agentId: agent.id, type: 'action.claimed', payload: '{"b":1}' },
  });

  expect(await client.user.findUniqueOrThrow({ where: { email: user.email } })).toMatchObject({
    ...user,
    disabled: false,
    sessionVersion: 0,
    mustChangePassword: false,
    lastSignInAt: null,
  });
  expect(await client.agent.findUniqueOrThrow({ where: { name: agent.name } })).toMatchObject({
    ...agent,
    status: 'active',
    environment: 'production',
    archivedAt: null,
    version: 1,
    monitoringNote: '',
    shutoffContact: '',
  });
  expect(await client.agentKey.findUniqueOrThrow({ where: { hash: agentKey.hash } })).toMatchObject({
    ...agentKey,
    revokedAt: null,
  });
  expect(await client.tool.findUniqueOrThrow({ where: { name: tool.name } })).toMatchObject({ ...tool, enabled: true });
  expect(
    await client.grant.findUniqueOrThrow({ where: { agentId_toolId: { agentId: agent.id, toolId: tool.id } } }),
  ).toMatchObject(grant);
  expect(
    await client.action.findUniqueOrThrow({ where: { id: action.id }, include: { reviewer: true } }),
  ).toMatchObject({ ...action, reviewer: { email: user.email } });
  expect(
    await client.actionApproval.findUniqueOrThrow({
      where: { actionId_reviewerId: { actionId: action.id, reviewerId: user.id } },
    }),
  ).toMatchObject(approval);
  expect(
    await client.reviewerGroup.findUniqueOrThrow({ where: { name: group.name }, include: { members: true } }),
  ).toMatchObject({ ...group, members: [member] });
  expect(await client.notificationChannel.findUniqueOrThrow({ where: { name: channel.name } })).toMatchObject({
    ...channel,
    enabled: true,
  });
  expect(
    await client.notificationDelivery.findUniqueOrThrow({
      where: { channelId_eventSeq: { channelId: channel.id, eventSeq: 7 } },
    }),
  ).toMatchObject(delivery);
  expect(await client.workerCursor.findUniqueOrThrow({ where: { id: cursor.id } })).toMatchObject(cursor);
  expect(
    await client.idempotencyRecord.findUniqueOrThrow({
      where: { agentId_key: { agentId: agent.id, key: idempotency.key } },
    }),
  ).toMatchObject(idempotency);
  expect(await client.switch.findUniqueOrThrow({ where: { id: switchRow.id } })).toMatchObject(switchRow);
  expect(await client.approvalFloor.findUniqueOrThrow({ where: { toolId: tool.id } })).toMatchObject(floor);
  expect(await client.grantChangeRequest.findUniqueOrThrow({ where: { id: heldChange.id } })).toMatchObject({
    ...heldChange,
    decidedAt: null,
    note: null,
  });
  expect(await client.userSession.findUniqueOrThrow({ where: { id: session.id } })).toMatchObject({
    ...session,
    endedAt: null,
  });
  expect(await client.loginAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject(attempt);
  expect(
    await client.switch.findUniqueOrThrow({ where: { id: 'global_stop' } }),
    'the first migration creates the released global stop',
  ).toMatchObject({ engaged: false });
  expect(second.seq).toBeGreaterThan(first.seq);
  expect(
    await client.auditEvent.findMany({ where: { seq: { in: [first.seq, second.seq] } }, orderBy: { seq: 'asc' } }),
  ).toMatchObject([
    { type: 'action.approved', payload: '{}' },
    { type: 'action.claimed', payload: '{"b":1}' },
  ]);
  return {
    models: [
      'User',
      'Agent',
      'AgentKey',
      'Tool',
      'Grant',
      'Action',
      'ActionApproval',
      'IdempotencyRecord',
      'Switch',
      'AuditEvent',
      'ReviewerGroup',
      'ReviewerGroupMember',
      'NotificationChannel',
      'NotificationDelivery',
      'WorkerCursor',
      'ApprovalFloor',
      'GrantChangeRequest',
      'UserSession',
      'LoginAttempt',
    ],
    context: { client, suffix, at, user, agent, tool, action, first, second },
  };
}
