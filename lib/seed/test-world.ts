import type { Actor } from '../auth/actor';
import type { Role } from '../auth/permissions';
import { proposeAction } from '../gate/propose-action';
import { createAgent } from '../agents/create-agent';
import { payloadFields, readAuditPayload } from '../audit/read-audit-payload';
import { db } from '../db/client';
import { grantTool } from '../grants/grant-tool';
import type { GrantRulesInput } from '../grants/schemas';
import { addGroupMember } from '../review-groups/add-group-member';
import { createReviewerGroup } from '../review-groups/create-reviewer-group';
import { createTool } from '../tools/create-tool';
import { createUser } from '../users/create-user';

/**
 * People, agents, tools, grants and actions for the domain suites (lib/**\/*.test.ts), made through the same domain
 * functions the console and the agent API call, like the demo seed does, so every row has its audit trail. Import it
 * after lib/db/test-databases.ts's hook has opened the suite's database (dynamically, like the module under test).
 */
export const SETUP: Actor = { type: 'system', id: 'domain-test-setup' };

export type UserActor = Extract<Actor, { type: 'user' }>;
export type AgentActor = Extract<Actor, { type: 'agent' }>;

let counter = 0;
/** A name no other row of the suite has (names are unique per table). */
export const uniqueName = (prefix: string) => `${prefix}-${(counter += 1)}`;

export const REFUND_SCHEMA = {
  type: 'object',
  properties: {
    orderId: { type: 'string', minLength: 1 },
    amount: { type: 'number', exclusiveMinimum: 0 },
    currency: { type: 'string' },
    recipient: { type: 'string' },
  },
  required: ['orderId', 'amount'],
  additionalProperties: false,
} as const;

export const REFUND = { orderId: 'ORD-7', amount: 80, currency: 'EUR', recipient: 'DE89 3704 0044' };

export async function person(roles: Role[], name = `Test ${roles.join('+')}`): Promise<UserActor> {
  const email = `${uniqueName(roles.join('-'))}@warden.test`;
  const { user } = await createUser(SETUP, { email, name, roles, password: 'correct-horse-battery-staple' });
  return { type: 'user', ...user };
}

export async function reviewerGroup(prefix: string, members: UserActor[] = []) {
  const group = await createReviewerGroup(SETUP, { name: uniqueName(prefix), description: `${prefix} reviewers` });
  for (const member of members) await addGroupMember(SETUP, { groupId: group.id, userId: member.id });
  return group;
}

/** The owner of the agents whose test does not care who owns them: one per suite (this module is loaded per suite). */
let defaultOwner: Promise<UserActor> | undefined;

/**
 * An agent (owned by `owner`, or by the suite's owner who reviews nothing) with a refund tool granted under `rules`
 * (one approval unless said otherwise). The agent acts as the actor an agent key would resolve to.
 */
export async function agentWithRefundTool(
  options: { rules?: Partial<GrantRulesInput>; owner?: UserActor; sensitiveFields?: string[] } = {},
) {
  const owner = options.owner ?? (await (defaultOwner ??= person(['owner'], 'Agent Owner')));
  const row = await createAgent(SETUP, {
    name: uniqueName('agent'),
    purpose: 'domain test agent',
    ownerId: owner.id,
    mode: 'live',
  });
  const tool = await createTool(SETUP, {
    name: uniqueName('refund').replaceAll('-', '_'),
    description: 'refunds an order (domain test tool)',
    actionLevel: 'update',
    parameters: structuredClone(REFUND_SCHEMA) as Record<string, unknown>,
    sensitiveFields: options.sensitiveFields ?? ['recipient'],
  });
  const grant = await grantTool(SETUP, {
    agent: { id: row.id },
    tool: tool.name,
    rules: { approvals: 1, ...options.rules },
  });
  const agent: AgentActor = { type: 'agent', id: row.id, name: row.name, keyId: 'domain-test-key' };
  return { owner, agent, tool, grant };
}

/** Proposes through the gate and checks the outcome the test builds on; returns the action's id. */
export async function propose(
  agent: AgentActor,
  tool: { name: string },
  expected: string,
  params: Record<string, unknown> = REFUND,
  extra: { requester?: string } = {},
) {
  const result = await proposeAction(agent, { tool: tool.name, params, reason: 'customer asked', ...extra });
  if (result.status !== expected)
    throw new Error(
      `expected the gate to answer ${expected}, got ${result.status}: ${result.decision.reasons.join('; ')}`,
    );
  return result.id;
}

export const actionRow = (id: string) => db().action.findUniqueOrThrow({ where: { id } });

export async function auditTrail(actionId: string) {
  const events = await db().auditEvent.findMany({ where: { actionId }, orderBy: { seq: 'asc' } });
  // Every payload a domain test records must read back through the one reader: an unparsed one fails the test.
  return events.map((event) => {
    const read = readAuditPayload(event.type, event.payload);
    if (read.unparsed) throw new Error(`audit event ${event.seq} (${event.type}) does not parse: ${read.problem}`);
    return { type: read.type, actorType: event.actorType, actorId: event.actorId, payload: payloadFields(read) };
  });
}

export const auditTypes = async (actionId: string) => (await auditTrail(actionId)).map((event) => event.type);
