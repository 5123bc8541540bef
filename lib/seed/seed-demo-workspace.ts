import type { Actor, UserActor } from '../auth/actor';
import type { Role } from '../auth/permissions';
import { approveAction } from '../actions/approve-action';
import { claimAction } from '../actions/claim-action';
import { proposeAction } from '../gate/propose-action';
import { rejectAction } from '../actions/reject-action';
import { reportActionResult } from '../actions/report-action-result';
import { createAgent } from '../agents/create-agent';
import { db } from '../db/client';
import { grantTool } from '../grants/grant-tool';
import { createTool } from '../tools/create-tool';
import { requestRollback } from '../rollback/request-rollback';
import { addIncidentNote } from '../incidents/add-incident-note';
import { closeIncident } from '../incidents/close-incident';
import { markIncidentActions } from '../incidents/mark-incident-actions';
import { openIncident } from '../incidents/open-incident';
import type { GrantRulesInput } from '../grants/schemas';
import { addGroupMember } from '../review-groups/add-group-member';
import { createReviewerGroup } from '../review-groups/create-reviewer-group';
import { createUser } from '../users/create-user';
import { DEMO_ACCOUNTS, DEMO_AGENTS, DEMO_GROUPS, DEMO_PROPOSALS, DEMO_TOOLS } from './demo-catalog';
import { seedDemoMcp, type DemoMcpSeed } from './seed-demo-mcp';

const SEEDER: Actor = { type: 'system', id: 'demo-seed' };

/**
 * Fills an empty database with the demo workspace, through the same domain functions people and agents use,
 * so every demo row has its audit trail. Returns the accounts with their one-time passwords, or null when the
 * database already has users (nothing is touched then). With `mcpUrl` (the address of the demo upstream MCP server
 * `npm start` runs beside the console, asked only when seeding: it may wait for that server to listen), that server is
 * registered too and its tools imported and granted (see seedDemoMcp).
 */
export async function seedDemoWorkspace(
  options: { mcpUrl?: () => Promise<string | undefined>; mcpCredentials?: string } = {},
): Promise<{
  accounts: { role: string; email: string; password: string }[];
  mcp: DemoMcpSeed | null;
} | null> {
  if ((await db().user.count()) > 0) return null;
  const seedStart = new Date();

  const accounts = [];
  const users: Partial<Record<Role, UserActor>> = {};
  for (const account of DEMO_ACCOUNTS) {
    const roles: Role[] = [account.role];
    const { user, password } = await createUser(SEEDER, { email: account.email, name: account.name, roles });
    // The first account of each role stands for it below (the owner owns the agents, the reviewer decides).
    users[account.role] ??= { type: 'user', ...user };
    accounts.push({ role: account.role, email: account.email, password: password! });
  }
  const people = {
    admin: present(users.admin, 'an admin'),
    owner: present(users.owner, 'an owner'),
    reviewer: present(users.reviewer, 'a reviewer'),
  };
  const groupIds: Record<string, string> = {};
  for (const spec of DEMO_GROUPS) {
    const group = await createReviewerGroup(SEEDER, { name: spec.name, description: spec.description });
    for (const email of spec.members) await addGroupMember(SEEDER, { groupId: group.id, email });
    groupIds[spec.name] = group.id;
  }
  for (const tool of DEMO_TOOLS)
    await createTool(SEEDER, {
      ...tool,
      parameters: structuredClone(tool.parameters) as Record<string, unknown>,
      sensitiveFields: 'sensitiveFields' in tool ? [...tool.sensitiveFields] : [],
    });

  const agents: Record<string, Actor> = {};
  for (const spec of DEMO_AGENTS) {
    const agent = await createAgent(SEEDER, {
      name: spec.name,
      purpose: spec.purpose,
      ownerId: people.owner.id,
      environment: spec.environment,
      mode: spec.mode,
    });
    for (const [tool, rules] of spec.grants)
      await grantTool(SEEDER, { agent: { id: agent.id }, tool, rules: withGroupIds(rules, groupIds) });
    agents[spec.name] = { type: 'agent', id: agent.id, name: agent.name, keyId: 'demo-seed' };
  }

  const executed: { id: string; agent: Actor }[] = [];
  for (const proposal of DEMO_PROPOSALS) {
    const agent = present(agents[proposal.agent], `the agent ${proposal.agent}`);
    const { id } = await proposeAction(agent, {
      tool: proposal.tool,
      params: proposal.params,
      reason: proposal.reason,
      requester: proposal.requester,
      sources: proposal.sources ?? [],
    });
    if (proposal.then === 'approve_and_run') {
      await approveAction(people.reviewer, { actionId: id, comment: 'Damage confirmed from the photo.' });
      await claimAction(agent, id);
      await reportActionResult(agent, id, { ok: true, output: { refundId: 're_demo_1' }, downstreamRef: 're_demo_1' });
      executed.push({ id, agent });
    } else if (proposal.then === 'reject') {
      await rejectAction(people.reviewer, {
        actionId: id,
        comment: 'Outside the refund window; offer store credit instead.',
      });
    } else if (proposal.then === 'finance_approves') {
      await approveAction(people.reviewer, {
        actionId: id,
        comment: 'The customer record matches; Security should confirm the request came from them.',
      });
    }
  }
  const refund = present(executed[0], 'an executed refund');
  const rollback = await rollBackFirstRefund(refund, people);
  await recordDemoIncidents(people.admin, { refundId: refund.id, rollbackId: rollback.id, since: seedStart });
  const mcpUrl = await options.mcpUrl?.();
  const mcp = mcpUrl
    ? await seedDemoMcp(SEEDER, { url: mcpUrl, credentials: options.mcpCredentials, ownerId: people.owner.id })
    : null;
  return { accounts, mcp };
}

/**
 * Two incidents so the workbench is never empty on first look: a closed one whose refund was rolled back (marked, noted,
 * resolved), and an open one on the support bot, contained by review-all, with a manual fallback for its reviewers.
 */
async function recordDemoIncidents(
  admin: Extract<Actor, { type: 'user' }>,
  facts: { refundId: string; rollbackId: string; since: Date },
) {
  const windowStart = new Date(facts.since.getTime() - 60_000);
  const refunds = await openIncident(admin, {
    title: '[Demo] Refund issued twice for ORD-10398',
    severity: 'medium',
    agents: ['demo-billing-agent'],
    windowStart,
  });
  await addIncidentNote(admin, {
    id: refunds.id,
    body: "Finance saw two refunds for ORD-10398: one by hand, one by the agent. Cancelling the agent's.",
  });
  await markIncidentActions(admin, {
    incidentId: refunds.id,
    actionIds: [facts.refundId],
    mark: 'rolled_back',
    note: 'Cancelled by refund.cancel (rc_demo_1).',
  });
  await markIncidentActions(admin, {
    incidentId: refunds.id,
    actionIds: [facts.rollbackId],
    mark: 'verified_fine',
    note: 'The payment provider shows the refund cancelled.',
  });
  await closeIncident(admin, {
    id: refunds.id,
    resolution:
      'The duplicate refund was cancelled before it settled. The refund policy now asks the agent to check for manual refunds first.',
  });

  const emails = await openIncident(admin, {
    title: '[Demo] Support bot drafting e-mails from an injected ticket',
    severity: 'high',
    agents: ['demo-support-bot'],
    windowStart,
    containment: ['review-all'],
    manualFallback:
      'Every e-mail from the support bot now waits for review: read the ticket it answers before approving. Urgent replies: send them yourself from the help desk.',
  });
  await addIncidentNote(admin, {
    id: emails.id,
    body: 'A ticket contained instructions aimed at the bot. Review-all is on while we check what else it sent.',
  });
}

/**
 * The duplicate refund was a mistake after all: an admin asks for its compensation (refund.cancel), Finance approves
 * it, and the agent runs it like any other action, so the demo shows a rollback from request to "rolled back by".
 */
async function rollBackFirstRefund(
  refund: { id: string; agent: Actor },
  users: { admin: UserActor; reviewer: UserActor },
): Promise<{ id: string }> {
  const rollback = await requestRollback(users.admin, {
    actionId: refund.id,
    note: 'The customer was refunded twice by hand already.',
  });
  await approveAction(users.reviewer, { actionId: rollback.id, comment: 'Confirmed with the payment provider.' });
  await claimAction(refund.agent, rollback.id);
  await reportActionResult(refund.agent, rollback.id, {
    ok: true,
    output: { cancelled: true },
    downstreamRef: 'rc_demo_1',
  });
  return rollback;
}

/** The catalog names reviewer groups; grants store their ids. */
function withGroupIds(rules: Partial<GrantRulesInput>, ids: Record<string, string>): Partial<GrantRulesInput> {
  const id = (name: string) => ids[name] ?? name;
  return {
    ...rules,
    ...(rules.requiredGroups && { requiredGroups: rules.requiredGroups.map(id) }),
    ...(rules.reviewGroupId && { reviewGroupId: id(rules.reviewGroupId) }),
    ...(rules.escalationLadder && {
      escalationLadder: rules.escalationLadder.map((step) => ({ ...step, groupId: id(step.groupId) })),
    }),
  };
}

/** The demo data is fixed: a missing account, agent or refund is a bug in the demo's own tables. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The demo workspace has no ${what}.`);
  return value;
}
