import type { GrantRulesInput } from '../grants/schemas';

/** The demo workspace's content: believable tools, agents and proposals, all clearly marked as demo. */
export const DEMO_ACCOUNTS = [
  { role: 'admin', email: 'admin@demo.warden.local', name: 'Ada Admin (demo)' },
  { role: 'owner', email: 'owner@demo.warden.local', name: 'Omar Owner (demo)' },
  { role: 'reviewer', email: 'reviewer@demo.warden.local', name: 'Rita Reviewer (demo)' },
  { role: 'reviewer', email: 'security@demo.warden.local', name: 'Sam Security (demo)' },
] as const;

/** Reviewer groups, by name; grants below name them too (the seed turns names into ids). */
export const DEMO_GROUPS = [
  {
    name: 'Finance',
    description: '[Demo] Refunds, payouts and anything else that moves money.',
    members: ['reviewer@demo.warden.local'],
  },
  {
    name: 'Security',
    description: '[Demo] Account access, bank details and data leaving the company.',
    members: ['security@demo.warden.local'],
  },
] as const;

const string = { type: 'string', minLength: 1 };

export const DEMO_TOOLS = [
  {
    name: 'crm.lookup_customer',
    actionLevel: 'read',
    description: 'Look up a customer record by e-mail or id.',
    summaryTemplate: 'Look up customer {customerId}{email}',
    parameters: {
      type: 'object',
      properties: { email: { type: 'string', format: 'email' }, customerId: string },
      additionalProperties: false,
    },
  },
  {
    name: 'email.draft_reply',
    actionLevel: 'draft',
    description: 'Draft a reply to a support ticket (not sent).',
    summaryTemplate: 'Draft a reply to ticket {ticketId}',
    parameters: {
      type: 'object',
      required: ['ticketId', 'body'],
      properties: { ticketId: string, body: string },
      additionalProperties: false,
    },
  },
  {
    name: 'ticket.classify',
    actionLevel: 'classify',
    description: 'Set the category and priority of a ticket.',
    summaryTemplate: 'Classify ticket {ticketId} as {category} ({priority})',
    parameters: {
      type: 'object',
      required: ['ticketId', 'category'],
      additionalProperties: false,
      properties: {
        ticketId: string,
        category: { enum: ['billing', 'bug', 'question', 'other'] },
        priority: { enum: ['low', 'normal', 'high'] },
      },
    },
  },
  {
    name: 'crm.update_field',
    actionLevel: 'update',
    description: 'Update one field of a customer record.',
    summaryTemplate: 'Set {field} of customer {customerId} to {value}',
    supportsRollback: true,
    parameters: {
      type: 'object',
      required: ['customerId', 'field', 'value'],
      properties: { customerId: string, field: string, value: {} },
      additionalProperties: false,
    },
  },
  {
    name: 'email.send',
    actionLevel: 'external',
    description: 'Send an e-mail to a customer.',
    summaryTemplate: 'E-mail {to}: "{subject}"',
    parameters: {
      type: 'object',
      required: ['to', 'subject', 'body'],
      properties: { to: { type: 'string', format: 'email' }, subject: string, body: string },
      additionalProperties: false,
    },
  },
  // Before refund.issue: a compensating tool must exist when the tool that names it is saved.
  {
    name: 'refund.cancel',
    actionLevel: 'external',
    description: 'Cancel a refund at the payment provider before it settles.',
    summaryTemplate: 'Cancel refund {refundId} of order {orderId}',
    parameters: {
      type: 'object',
      required: ['refundId', 'orderId'],
      properties: { refundId: string, orderId: string },
      additionalProperties: false,
    },
  },
  {
    name: 'refund.issue',
    actionLevel: 'external',
    description: 'Refund an order through the payment provider.',
    summaryTemplate: 'Refund {amount} {currency} to order {orderId}',
    sensitiveFields: ['cardLast4'],
    rollbackKind: 'compensating',
    rollbackToolName: 'refund.cancel',
    rollbackMapping: { refundId: '$.result.refundId', orderId: '$.params.orderId' },
    parameters: {
      type: 'object',
      required: ['orderId', 'amount', 'currency'],
      additionalProperties: false,
      properties: {
        orderId: string,
        amount: { type: 'number', exclusiveMinimum: 0 },
        currency: { enum: ['EUR', 'USD', 'GBP'] },
        cardLast4: { type: 'string', pattern: '^[0-9]{4}$' },
      },
    },
  },
  {
    name: 'billing.change_payout_account',
    actionLevel: 'update',
    description: "Change the bank account a customer's payouts are sent to.",
    summaryTemplate: 'Send payouts of customer {customerId} to the account of {accountHolder}',
    sensitiveFields: ['iban'],
    parameters: {
      type: 'object',
      required: ['customerId', 'iban', 'accountHolder'],
      additionalProperties: false,
      properties: {
        customerId: string,
        iban: { type: 'string', pattern: '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$' },
        accountHolder: string,
      },
    },
  },
] as const;

type DemoAgent = {
  name: string;
  mode: 'live' | 'draft_only';
  environment: 'test' | 'production';
  purpose: string;
  grants: [string, Partial<GrantRulesInput>][];
};

export const DEMO_AGENTS: DemoAgent[] = [
  {
    name: 'demo-support-bot',
    mode: 'live',
    environment: 'production',
    purpose:
      '[Demo] Answers support tickets: looks up customers, drafts replies, classifies tickets, e-mails customers.',
    grants: [
      ['crm.lookup_customer', { approvals: 0, rateLimit: { count: 120, windowSeconds: 60 } }],
      ['email.draft_reply', { approvals: 0 }],
      ['ticket.classify', { approvals: 0, loop: { maxRepeats: 5, windowSeconds: 600, pauseAgent: true } }],
      [
        'email.send',
        {
          approvals: 1,
          requireReason: true,
          maxPending: 25,
          constraints: [{ kind: 'email_domain', param: 'to', domains: ['example.com'], effect: 'block' }],
        },
      ],
    ],
  },
  {
    name: 'demo-billing-agent',
    mode: 'live',
    environment: 'production',
    purpose: '[Demo] Handles refund requests under the refund policy.',
    grants: [
      ['crm.lookup_customer', { approvals: 0 }],
      [
        'refund.issue',
        {
          approvals: 1,
          requireReason: true,
          maxCallsPerTrace: 1,
          constraints: [
            { kind: 'allowed_values', param: 'currency', values: ['EUR', 'USD'], effect: 'block' },
            { kind: 'range', param: 'amount', max: 2000, effect: 'block' },
            { kind: 'range', param: 'amount', max: 500, effect: 'review' },
          ],
        },
      ],
      // Compensations are always reviewed (lib/rollback); the grant only makes the tool available to the agent.
      ['refund.cancel', { approvals: 1 }],
      // A changed payout account is a classic fraud path: Finance checks the business reason, Security the request.
      [
        'billing.change_payout_account',
        {
          approvals: 2,
          requireReason: true,
          requiredGroups: ['Finance', 'Security'],
          reviewGroupId: 'Finance',
          reviewTimeoutMinutes: 24 * 60,
        },
      ],
    ],
  },
  {
    name: 'demo-crm-sync',
    mode: 'draft_only',
    environment: 'test',
    purpose: '[Demo] Keeps CRM fields in sync with the ticket system; draft-only while it is being evaluated.',
    grants: [
      ['crm.lookup_customer', { approvals: 0 }],
      ['crm.update_field', { approvals: 0, environment: 'test' }],
    ],
  },
];

export type DemoProposal = {
  agent: string;
  tool: string;
  params: Record<string, unknown>;
  reason: string;
  requester?: string;
  sources?: { title: string; url?: string; excerpt?: string }[];
  /** What a reviewer does with it, if it needs review: left pending, approved and run, rejected, or approved by Finance only. */
  then?: 'approve_and_run' | 'reject' | 'finance_approves';
};

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    agent: 'demo-billing-agent',
    tool: 'refund.issue',
    params: { orderId: 'ORD-10442', amount: 129.9, currency: 'EUR' },
    reason: 'Customer reports a duplicate charge; the order shows two captures on the same day.',
    requester: 'jane.doe@example.com',
    sources: [
      {
        title: 'Ticket #4821: charged twice',
        url: 'https://support.example.com/tickets/4821',
        excerpt: 'I was charged twice for order ORD-10442.',
      },
      { title: 'Refund policy §3', excerpt: 'Duplicate charges are refunded in full.' },
    ],
  },
  {
    agent: 'demo-support-bot',
    tool: 'email.send',
    params: {
      to: 'sam.lee@example.com',
      subject: 'Your password reset',
      body: 'Hi Sam,\n\nHere is how to reset your password: …',
    },
    reason: 'Ticket asks how to reset a password; the knowledge-base answer applies.',
    requester: 'sam.lee@example.com',
    sources: [{ title: 'KB: Resetting your password', url: 'https://help.example.com/kb/reset-password' }],
  },
  {
    agent: 'demo-billing-agent',
    tool: 'refund.issue',
    params: { orderId: 'ORD-10398', amount: 45, currency: 'USD' },
    reason: 'Item arrived damaged; photo attached to the ticket.',
    requester: 'li.wei@example.com',
    sources: [{ title: 'Ticket #4790: damaged item', excerpt: 'The mug arrived broken.' }],
    then: 'approve_and_run',
  },
  {
    agent: 'demo-billing-agent',
    tool: 'refund.issue',
    params: { orderId: 'ORD-10011', amount: 900, currency: 'EUR' },
    reason: 'Customer asks for a refund outside the 30-day window.',
    requester: 'max.k@example.com',
    then: 'reject',
  },
  {
    agent: 'demo-billing-agent',
    tool: 'billing.change_payout_account',
    params: { customerId: 'C-2087', iban: 'DE89370400440532013000', accountHolder: 'Nordwind Handels GmbH' },
    reason: 'The customer asked to move their payouts to a new bank account after changing banks.',
    requester: 'accounts@nordwind.example',
    sources: [
      {
        title: 'Ticket #4830: new bank details',
        excerpt: 'We moved to a new bank; please send future payouts to the attached account.',
      },
    ],
    then: 'finance_approves',
  },
  {
    agent: 'demo-support-bot',
    tool: 'ticket.classify',
    params: { ticketId: 'T-4822', category: 'billing', priority: 'high' },
    reason: 'Mentions a charge.',
  },
  {
    agent: 'demo-crm-sync',
    tool: 'crm.update_field',
    params: { customerId: 'C-311', field: 'plan', value: 'business' },
    reason: 'Plan changed in billing system.',
  },
];
