import { expect } from 'vitest';
import type { Db } from './client';

/*
 * Test data for lib/db/migrations.test.ts: one row of every model, written and read back through the app's client on
 * a database built from the migrations. A model added to the schema is added here too (the test compares the list
 * this returns with every model Prisma knows).
 */

/** Creates one row of every model and reads each back; returns the model names it covered. */
export async function exerciseEveryModel(client: Db): Promise<string[]> {
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
  // The audit chain's tables (lib/audit/chain/).
  const chainHead = {
    id: `head-${suffix}`,
    chainIndex: 2,
    seq: second.seq,
    hash: 'b'.repeat(64),
    floorSeq: second.seq,
    sealedAt: at,
    keyId: 'k1',
    publicKey: 'pk',
    signature: 'sig',
  };
  const checkpoint = {
    chainIndex: 1_000_000 + first.seq,
    seq: first.seq,
    hash: 'a'.repeat(64),
    signedAt: at,
    keyId: 'k1',
    publicKey: 'pk',
    signature: 'sig',
  };
  const verification = {
    id: `v-${suffix}`,
    checkedAt: at,
    ok: false,
    events: 2,
    checkpoints: 1,
    unsealed: 0,
    verifiedThroughSeq: first.seq,
    firstBadSeq: second.seq,
    problem: 'p',
  };
  await client.auditChainHead.create({ data: chainHead });
  await client.auditCheckpoint.create({ data: checkpoint });
  await client.auditVerification.create({ data: verification });
  await client.auditEvent.update({
    where: { seq: first.seq },
    data: { chainIndex: 1_000_000 + first.seq, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) },
  });
  expect(await client.auditChainHead.findUniqueOrThrow({ where: { id: chainHead.id } })).toMatchObject(chainHead);
  expect(
    await client.auditCheckpoint.findUniqueOrThrow({ where: { chainIndex: checkpoint.chainIndex } }),
  ).toMatchObject(checkpoint);
  expect(await client.auditVerification.findUniqueOrThrow({ where: { id: verification.id } })).toMatchObject(
    verification,
  );
  expect(await client.auditEvent.findUniqueOrThrow({ where: { chainIndex: 1_000_000 + first.seq } })).toMatchObject({
    seq: first.seq,
    hash: 'a'.repeat(64),
  });
  // Incidents (lib/incidents/) and the return to normal (lib/return-to-normal/).
  const incident = {
    id: `inc-${suffix}`,
    title: 'Refund loop',
    severity: 'high',
    allAgents: false,
    windowStart: at,
    windowEnd: null,
    status: 'open',
    manualFallback: 'Refund by hand',
    containment: '["pause"]',
    openedById: user.id,
    openedAt: at,
    closedById: null,
    closedAt: null,
    resolution: null,
    version: 1,
  };
  await client.incident.create({ data: incident });
  await client.incidentAgent.create({ data: { incidentId: incident.id, agentId: agent.id, pausedByIncident: true } });
  await client.incidentNote.create({
    data: { id: `note-${suffix}`, incidentId: incident.id, authorId: user.id, body: 'Looking', createdAt: at },
  });
  await client.incidentMark.create({
    data: {
      incidentId: incident.id,
      actionId: action.id,
      mark: 'needs_follow_up',
      note: 'check',
      markedById: user.id,
      markedAt: at,
    },
  });
  const request = {
    id: `rtn-${suffix}`,
    incidentId: incident.id,
    switchId: null,
    reason: 'fixed',
    requestedById: user.id,
    requestedAt: at,
    expiresAt: at,
    status: 'pending',
    decidedById: null,
    decidedAt: null,
    decisionNote: null,
    singleAdmin: false,
  };
  await client.returnToNormalRequest.create({ data: request });
  expect(
    await client.incident.findUniqueOrThrow({
      where: { id: incident.id },
      include: { agents: true, notes: true, marks: true },
    }),
  ).toMatchObject({
    ...incident,
    agents: [{ agentId: agent.id, pausedByIncident: true }],
    notes: [{ body: 'Looking' }],
    marks: [{ mark: 'needs_follow_up', note: 'check' }],
  });
  expect(await client.returnToNormalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject(request);
  // The MCP gateway (lib/mcp/): an upstream server, a tool imported from it, a pending change, a call through it.
  const mcpServer = {
    id: `mcp-${suffix}`,
    name: `crm_${suffix}`,
    url: 'http://127.0.0.1:1/mcp',
    credentials: 'v1.a.b.c',
    status: 'ok',
    lastError: null,
    lastRefreshAt: at,
  };
  await client.mcpServer.create({ data: mcpServer });
  const mcpTool = {
    id: `mt-${suffix}`,
    serverId: mcpServer.id,
    toolId: tool.id,
    upstreamName: 'Create-Ticket',
    definitionHash: 'h1',
  };
  await client.mcpTool.create({ data: mcpTool });
  const mcpChange = {
    id: `mc-${suffix}`,
    serverId: mcpServer.id,
    upstreamName: 'Create-Ticket',
    kind: 'changed',
    definition: '{"name":"Create-Ticket","b":1,"a":2}',
    definitionHash: 'h2',
    suggestedLevel: 'create',
    status: 'pending',
    detectedAt: at,
    decidedById: null,
    decidedAt: null,
  };
  await client.mcpToolChange.create({ data: mcpChange });
  const mcpCall = {
    actionId: action.id,
    callHash: 'h3',
    serverId: mcpServer.id,
    upstreamName: 'Create-Ticket',
    calledAt: at,
  };
  await client.mcpCall.create({ data: mcpCall });
  expect(
    await client.mcpServer.findUniqueOrThrow({ where: { id: mcpServer.id }, include: { tools: true, changes: true } }),
  ).toMatchObject({ ...mcpServer, tools: [mcpTool], changes: [mcpChange] });
  expect(await client.mcpCall.findUniqueOrThrow({ where: { actionId: action.id } })).toMatchObject(mcpCall);

  expect(second.seq).toBeGreaterThan(first.seq);
  expect(
    await client.auditEvent.findMany({ where: { seq: { in: [first.seq, second.seq] } }, orderBy: { seq: 'asc' } }),
  ).toMatchObject([
    { type: 'action.approved', payload: '{}' },
    { type: 'action.claimed', payload: '{"b":1}' },
  ]);

  return [
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
    'AuditChainHead',
    'AuditCheckpoint',
    'AuditVerification',
    'Incident',
    'IncidentAgent',
    'IncidentNote',
    'IncidentMark',
    'ReturnToNormalRequest',
    'McpServer',
    'McpTool',
    'McpToolChange',
    'McpCall',
  ];
}
