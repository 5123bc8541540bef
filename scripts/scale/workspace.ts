import { generateKeyPairSync } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/permissions';
import { createAgent } from '@/lib/agents/create-agent';
import { createAgentKey } from '@/lib/agents/create-agent-key';
import { setRequesterKey } from '@/lib/agents/set-requester-key';
import { grantTool } from '@/lib/grants/grant-tool';
import type { GrantRulesInput } from '@/lib/grants/schemas';
import { toGrantPolicy } from '@/lib/grants/to-grant-policy';
import type { GrantPolicy } from '@/lib/policy/grant-policy';
import { addGroupMember } from '@/lib/review-groups/add-group-member';
import { createReviewerGroup } from '@/lib/review-groups/create-reviewer-group';
import { createTool } from '@/lib/tools/create-tool';
import { createUser } from '@/lib/users/create-user';
import { TOOLS } from './tool-catalog';
import type { ToolSpec } from './tool-spec';

/**
 * The people, reviewer groups, tools, agents and grants of the scale data set, created through the app's own domain
 * functions (validation, audit events and all), as an admin would set them up.
 */

const DOMAIN = 'scale.warden.local';
const GROUPS = {
  Finance: 'Refunds, payouts, credit notes, plan changes: anything that moves money.',
  Security: 'Access, second factors, bank details and DNS.',
  'Support leads': 'Messages that leave the company on behalf of support.',
} as const;
type GroupName = keyof typeof GROUPS;

/** [local part, display name, roles, groups] */
const PEOPLE: [string, string, Role[], GroupName[]][] = [
  ['ada.admin', 'Ada Admin', ['admin'], []],
  ['ian.ops', 'Ian Ops', ['admin'], ['Security']],
  ['olivia.owner', 'Olivia Owner', ['owner'], []],
  ['oscar.owner', 'Oscar Owner', ['owner'], []],
  ['omar.owner', 'Omar Owner', ['owner'], []],
  ['oksana.owner', 'Oksana Owner', ['owner'], []],
  ['priya.lead', 'Priya Lead', ['owner', 'reviewer'], ['Support leads']],
  ['fatima.finance', 'Fatima Finance', ['reviewer'], ['Finance']],
  ['felix.finance', 'Felix Finance', ['reviewer'], ['Finance']],
  ['farah.finance', 'Farah Finance', ['reviewer'], ['Finance']],
  ['frank.finance', 'Frank Finance', ['reviewer'], ['Finance']],
  ['fiona.finance', 'Fiona Finance', ['reviewer'], ['Finance']],
  ['sam.security', 'Sam Security', ['reviewer'], ['Security']],
  ['sofia.security', 'Sofia Security', ['reviewer'], ['Security']],
  ['stefan.security', 'Stefan Security', ['reviewer'], ['Security']],
  ['sara.security', 'Sara Security', ['reviewer'], ['Security']],
  ['bea.both', 'Bea Both', ['reviewer'], ['Finance', 'Security']],
  ['lena.support', 'Lena Support', ['reviewer'], ['Support leads']],
  ['luca.support', 'Luca Support', ['reviewer'], ['Support leads']],
  ['rita.reviewer', 'Rita Reviewer', ['reviewer'], []],
  ['raj.reviewer', 'Raj Reviewer', ['reviewer'], []],
  ['rosa.reviewer', 'Rosa Reviewer', ['reviewer'], []],
  ['ruben.reviewer', 'Ruben Reviewer', ['reviewer'], []],
  ['victor.viewer', 'Victor Viewer', ['viewer'], []],
  ['vera.viewer', 'Vera Viewer', ['viewer'], []],
];

/** The people the queue benchmark acts as: an admin, and a reviewer who is a member of Finance. */
export const SCALE_ADMIN_EMAIL = `ada.admin@${DOMAIN}`;
export const SCALE_REVIEWER_EMAIL = `fatima.finance@${DOMAIN}`;

const DAY = 24 * 60;
type Rules = Partial<Omit<GrantRulesInput, 'requiredGroups' | 'reviewGroupId'>> & {
  requiredGroups?: GroupName[];
  reviewGroupId?: GroupName;
};
/** [tool, rules, how often the agent calls it (relative)] */
type GrantSpec = [string, Rules, number];
type AgentSpec = {
  name: string;
  owner: string;
  purpose: string;
  environment?: 'test' | 'production';
  mode?: 'live' | 'draft_only';
  requesterKey?: boolean;
  customerFacing: boolean;
  grants: GrantSpec[];
};

const review = (days: number, rules: Rules = {}): Rules => ({
  approvals: 1,
  reviewTimeoutMinutes: days * DAY,
  ...rules,
});
const amountOver = (param: string, max: number, effect: 'review' | 'block') => ({
  kind: 'range' as const,
  param,
  max,
  effect,
});

const AGENTS: AgentSpec[] = [
  {
    name: 'support-bot',
    owner: 'olivia.owner',
    requesterKey: true,
    customerFacing: true,
    purpose: 'Answers support tickets: looks up customers, drafts and sends replies, opens and closes tickets.',
    grants: [
      ['crm.lookup_customer', { approvals: 0, rateLimit: { count: 600, windowSeconds: 60 } }, 30],
      ['kb.search_articles', { approvals: 0 }, 25],
      ['email.draft_reply', { approvals: 0 }, 15],
      ['ticket.classify', { approvals: 0 }, 25],
      ['ticket.create', { approvals: 0 }, 6],
      ['email.send', review(7, { requireReason: true, reviewGroupId: 'Support leads' }), 40],
      ['ticket.close', review(3), 10],
      ['sms.send', review(1), 4],
    ],
  },
  {
    name: 'billing-agent',
    owner: 'oscar.owner',
    requesterKey: true,
    customerFacing: true,
    purpose: 'Handles refund requests and billing questions under the refund policy.',
    grants: [
      ['crm.lookup_customer', { approvals: 0 }, 20],
      ['billing.get_invoice', { approvals: 0 }, 15],
      ['subscription.change_plan', { approvals: 0 }, 4],
      [
        'refund.issue',
        review(7, {
          requireReason: true,
          reviewGroupId: 'Finance',
          constraints: [amountOver('amount', 500, 'review'), amountOver('amount', 2500, 'block')],
        }),
        40,
      ],
      ['billing.create_credit_note', review(7, { reviewGroupId: 'Finance' }), 12],
      // A changed payout account is a classic fraud path: Finance checks the business reason, Security the request.
      [
        'billing.change_payout_account',
        review(7, {
          approvals: 2,
          requireReason: true,
          requiredGroups: ['Finance', 'Security'],
          reviewGroupId: 'Finance',
        }),
        6,
      ],
    ],
  },
  {
    name: 'payouts-agent',
    owner: 'oscar.owner',
    customerFacing: false,
    purpose: 'Pays partner commissions from the monthly partner statements.',
    grants: [
      ['crm.search_orders', { approvals: 0 }, 5],
      [
        'payments.send_payout',
        review(7, {
          approvals: 2,
          reviewGroupId: 'Finance',
          requiredGroups: ['Finance'],
          constraints: [amountOver('amount', 10000, 'review'), amountOver('amount', 35000, 'block')],
        }),
        20,
      ],
    ],
  },
  {
    name: 'sales-assistant',
    owner: 'omar.owner',
    customerFacing: true,
    purpose: 'Qualifies inbound leads, drafts quotes and contracts, books calls.',
    grants: [
      ['crm.lookup_customer', { approvals: 0 }, 10],
      ['crm.create_contact', { approvals: 0 }, 12],
      ['sales.draft_quote', { approvals: 0 }, 8],
      ['lead.score', { approvals: 0 }, 15],
      ['docs.draft_contract', { approvals: 0 }, 4],
      ['calendar.create_event', { approvals: 0 }, 6],
      ['email.send', review(7), 18],
    ],
  },
  {
    name: 'hr-assistant',
    owner: 'oksana.owner',
    requesterKey: true,
    customerFacing: false,
    purpose: "Answers employees' HR questions, drafts offer letters, requests access for new joiners.",
    grants: [
      ['hr.lookup_employee', { approvals: 0 }, 12],
      ['hr.draft_offer_letter', { approvals: 0 }, 2],
      ['iam.grant_role', review(7, { reviewGroupId: 'Security' }), 6],
      ['email.send', review(7), 5],
    ],
  },
  {
    name: 'it-helpdesk',
    owner: 'oksana.owner',
    requesterKey: true,
    customerFacing: false,
    purpose: 'Resets second factors and grants access after identity checks.',
    grants: [
      ['kb.search_articles', { approvals: 0 }, 8],
      ['ticket.create', { approvals: 0 }, 5],
      ['user.reset_mfa', review(7, { approvals: 2, requiredGroups: ['Security'], reviewGroupId: 'Security' }), 10],
      [
        'iam.grant_role',
        review(7, {
          reviewGroupId: 'Security',
          constraints: [{ kind: 'allowed_values', param: 'role', values: ['viewer', 'editor'], effect: 'review' }],
        }),
        8,
      ],
    ],
  },
  {
    name: 'sre-agent',
    owner: 'priya.lead',
    customerFacing: false,
    purpose: 'Investigates incidents from the logs, files issues, proposes DNS changes.',
    grants: [
      ['logs.query', { approvals: 0 }, 30],
      ['jira.create_issue', { approvals: 0 }, 6],
      ['dns.update_record', review(3, { approvals: 2, reviewGroupId: 'Security' }), 2],
      ['github.open_pull_request', review(7), 3],
    ],
  },
  {
    name: 'maintenance-bot',
    owner: 'priya.lead',
    customerFacing: false,
    purpose: 'Keeps dependencies and runbooks up to date.',
    grants: [
      ['github.open_pull_request', review(7), 6],
      ['jira.create_issue', { approvals: 0 }, 3],
      ['docs.create_page', { approvals: 0 }, 3],
    ],
  },
  {
    name: 'marketing-writer',
    owner: 'omar.owner',
    customerFacing: false,
    purpose: 'Drafts and publishes posts from the marketing calendar.',
    grants: [
      ['social.draft_post', { approvals: 0 }, 8],
      ['social.publish_post', review(7), 5],
      ['analytics.run_report', { approvals: 0 }, 3],
    ],
  },
  {
    name: 'inventory-agent',
    owner: 'olivia.owner',
    customerFacing: false,
    purpose: 'Reconciles stock counts and reorders from suppliers.',
    grants: [
      ['inventory.check_stock', { approvals: 0 }, 25],
      ['inventory.adjust_stock', review(3), 8],
      [
        'vendor.place_order',
        review(7, {
          reviewGroupId: 'Finance',
          constraints: [{ kind: 'range', param: 'quantity', max: 100, effect: 'review' }],
        }),
        6,
      ],
    ],
  },
  {
    name: 'partner-sync',
    owner: 'oscar.owner',
    customerFacing: false,
    purpose: 'Sends order events to partner integrations.',
    grants: [
      ['crm.search_orders', { approvals: 0 }, 6],
      [
        'webhook.call_partner',
        review(7, {
          constraints: [
            {
              kind: 'url_domain',
              param: 'url',
              domains: ['hooks.partner-a.example', 'api.partner-b.example'],
              effect: 'block',
            },
          ],
        }),
        10,
      ],
    ],
  },
  {
    name: 'trust-safety-bot',
    owner: 'priya.lead',
    customerFacing: false,
    purpose: 'Flags spam reviews, labels sensitive documents, warns customers in shared channels.',
    grants: [
      ['review.flag_spam', { approvals: 0 }, 20],
      ['doc.label_sensitivity', { approvals: 0 }, 10],
      ['email.tag_thread', { approvals: 0 }, 10],
      ['slack.post_message', review(1), 3],
    ],
  },
  {
    name: 'success-agent',
    owner: 'omar.owner',
    customerFacing: true,
    purpose: 'Keeps key accounts informed and handles plan changes.',
    grants: [
      ['calendar.create_event', { approvals: 0 }, 6],
      ['slack.post_message', review(7, { ownerMayApprove: true }), 10],
      ['email.send', review(7), 12],
      ['subscription.change_plan', review(7, { reviewGroupId: 'Finance' }), 8],
    ],
  },
  {
    name: 'kb-curator',
    owner: 'priya.lead',
    customerFacing: false,
    purpose: 'Turns recurring questions into macros and help-center pages.',
    grants: [
      ['kb.search_articles', { approvals: 0 }, 10],
      ['support.draft_macro', { approvals: 0 }, 5],
      ['docs.create_page', review(7, { ownerMayApprove: true }), 4],
    ],
  },
  {
    name: 'inbox-triage',
    owner: 'olivia.owner',
    customerFacing: false,
    purpose: 'Sorts the shared inbox and opens tickets from e-mails.',
    grants: [
      ['email.tag_thread', { approvals: 0 }, 30],
      ['ticket.classify', { approvals: 0 }, 20],
      ['ticket.create', { approvals: 0 }, 8],
      ['email.draft_reply', { approvals: 0 }, 6],
    ],
  },
  {
    name: 'collections-agent',
    owner: 'oscar.owner',
    customerFacing: true,
    purpose: 'Reminds customers of overdue invoices and settles small disputes.',
    grants: [
      ['billing.get_invoice', { approvals: 0 }, 10],
      ['email.send', review(7, { reviewGroupId: 'Finance' }), 14],
      ['sms.send', review(1), 3],
      [
        'billing.create_credit_note',
        {
          approvals: 0,
          constraints: [amountOver('amount', 200, 'review')],
          reviewTimeoutMinutes: 7 * DAY,
          reviewGroupId: 'Finance',
        },
        6,
      ],
    ],
  },
  {
    name: 'crm-sync',
    owner: 'olivia.owner',
    environment: 'test',
    mode: 'draft_only',
    customerFacing: false,
    purpose: 'Keeps CRM fields in sync with the ticket system; draft-only while it is being evaluated.',
    grants: [
      ['crm.lookup_customer', { approvals: 0 }, 10],
      ['crm.update_field', { approvals: 0, environment: 'test' }, 12],
      ['crm.create_contact', { approvals: 0 }, 4],
    ],
  },
  {
    name: 'pricing-experiment',
    owner: 'omar.owner',
    environment: 'test',
    mode: 'draft_only',
    customerFacing: true,
    purpose: 'Trial: proposes plan changes and upgrade e-mails; draft-only.',
    grants: [
      ['subscription.change_plan', { approvals: 0 }, 6],
      ['email.send', { approvals: 0 }, 6],
    ],
  },
  {
    name: 'analytics-bot',
    owner: 'priya.lead',
    customerFacing: false,
    purpose: 'Runs the weekly reports.',
    grants: [
      ['analytics.run_report', { approvals: 0 }, 10],
      ['logs.query', { approvals: 0 }, 6],
      ['crm.search_orders', { approvals: 0 }, 4],
    ],
  },
  {
    name: 'legal-assistant',
    owner: 'oksana.owner',
    customerFacing: true,
    purpose: 'Prepares contracts and updates customer records after signature.',
    grants: [
      ['docs.draft_contract', { approvals: 0 }, 6],
      ['email.send', review(7), 4],
      ['crm.update_field', review(7), 5],
    ],
  },
];

export type UserInfo = { id: string; email: string; roles: Role[]; groupIds: string[]; canDecide: boolean };
export type ToolInfo = { id: string; spec: ToolSpec; parameters: string };
export type GrantInfo = { tool: ToolInfo; policy: GrantPolicy; weight: number };
export type AgentInfo = {
  id: string;
  name: string;
  ownerId: string;
  mode: string;
  environment: string;
  verifiesRequesters: boolean;
  customerFacing: boolean;
  grants: GrantInfo[];
};
export type Workspace = {
  users: UserInfo[];
  groups: Map<string, string>;
  tools: Map<string, ToolInfo>;
  agents: AgentInfo[];
  password: string;
};

/** Creates the workspace; every seeded person gets `password`. */
export async function createWorkspace(actor: Actor, password: string): Promise<Workspace> {
  const users: UserInfo[] = [];
  for (const [local, name, roles] of PEOPLE) {
    const { user } = await createUser(actor, { email: `${local}@${DOMAIN}`, name, roles, password });
    users.push({
      id: user.id,
      email: user.email,
      roles,
      groupIds: [],
      canDecide: roles.includes('admin') || roles.includes('reviewer'),
    });
  }
  const groups = new Map<string, string>();
  for (const [name, description] of Object.entries(GROUPS)) {
    const group = await createReviewerGroup(actor, { name, description });
    groups.set(name, group.id);
  }
  for (const [index, [, , , memberOf]] of PEOPLE.entries()) {
    for (const name of memberOf) {
      await addGroupMember(actor, { groupId: groups.get(name)!, email: users[index].email });
      users[index].groupIds.push(groups.get(name)!);
    }
  }

  const tools = new Map<string, ToolInfo>();
  for (const spec of TOOLS) {
    const tool = await createTool(actor, {
      name: spec.name,
      actionLevel: spec.actionLevel,
      description: spec.description,
      summaryTemplate: spec.summaryTemplate,
      parameters: spec.parameters,
      sensitiveFields: spec.sensitiveFields ?? [],
      supportsRollback: spec.supportsRollback ?? false,
    });
    tools.set(spec.name, { id: tool.id, spec, parameters: tool.parameters });
  }

  const agents: AgentInfo[] = [];
  const byEmail = (local: string) => users.find((user) => user.email === `${local}@${DOMAIN}`)!;
  for (const spec of AGENTS) {
    const agent = await createAgent(actor, {
      name: spec.name,
      purpose: spec.purpose,
      ownerId: byEmail(spec.owner).id,
      environment: spec.environment ?? 'production',
      mode: spec.mode ?? 'live',
    });
    await createAgentKey(actor, { id: agent.id }, { label: 'production' });
    if (spec.requesterKey)
      await setRequesterKey(actor, { id: agent.id }, { key: publicKeyPem(), issuer: `https://sso.${DOMAIN}` });
    const grants: GrantInfo[] = [];
    for (const [toolName, rules, weight] of spec.grants) {
      const grant = await grantTool(actor, {
        agent: { id: agent.id },
        tool: toolName,
        rules: withGroupIds(rules, groups),
      });
      grants.push({ tool: tools.get(toolName)!, policy: toGrantPolicy(grant)!, weight });
    }
    agents.push({
      id: agent.id,
      name: agent.name,
      ownerId: agent.ownerId,
      mode: agent.mode,
      environment: agent.environment,
      verifiesRequesters: spec.requesterKey ?? false,
      customerFacing: spec.customerFacing,
      grants,
    });
  }
  return { users, groups, tools, agents, password };
}

function withGroupIds(rules: Rules, ids: Map<string, string>): Partial<GrantRulesInput> {
  const { requiredGroups, reviewGroupId, ...rest } = rules;
  return {
    ...rest,
    ...(requiredGroups && { requiredGroups: requiredGroups.map((name) => ids.get(name)!) }),
    ...(reviewGroupId && { reviewGroupId: ids.get(reviewGroupId)! }),
  };
}

/** The SSO's public key an agent verifies requester assertions with (the private half is thrown away). */
function publicKeyPem(): string {
  return generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
