import type { Random } from './random';
import type { Source, ToolSpec } from './tool-spec';

/**
 * The scale data set's tools: a company's worth (support, billing, sales, HR, engineering, marketing) at every action
 * level, each with the JSON Schema its parameters are checked against and a generator of believable calls.
 */

const str = { type: 'string', minLength: 1 };
const id = (pattern: string) => ({ type: 'string', pattern });
const object = (required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required,
  properties,
  additionalProperties: false,
});

const ticket = (r: Random) => `T-${r.int(1000, 99999)}`;
const order = (r: Random) => `ORD-${r.int(10000, 999999)}`;
const ticketSource = (r: Random, what: string, excerpt?: string): Source => {
  const n = r.int(1000, 99999);
  return {
    title: `Ticket #${n}: ${what}`,
    url: `https://support.example.com/tickets/${n}`,
    ...(excerpt && { excerpt }),
  };
};
const kb = (title: string, slug: string): Source => ({
  title: `KB: ${title}`,
  url: `https://help.example.com/kb/${slug}`,
});
const policy = (title: string, excerpt: string): Source => ({ title, excerpt });

const PRODUCTS = [
  'Starter plan',
  'Team plan',
  'Business plan',
  'ergonomic chair',
  'standing desk',
  'USB-C dock',
  'noise-cancelling headset',
  '27" monitor',
];
const CATEGORIES = ['billing', 'bug', 'question', 'other'] as const;
const PLANS = ['starter', 'team', 'business', 'enterprise'] as const;
const CURRENCIES = ['EUR', 'USD', 'GBP'] as const;
const TOPICS = [
  'password reset',
  'invoice copy',
  'refund status',
  'shipping delay',
  'plan upgrade',
  'API rate limits',
  'SSO setup',
  'data export',
];

export const TOOLS: ToolSpec[] = [
  // read
  {
    name: 'crm.lookup_customer',
    actionLevel: 'read',
    description: 'Look up a customer record by e-mail or id.',
    summaryTemplate: 'Look up customer {customerId}',
    textParam: null,
    parameters: object(['customerId'], { customerId: str, email: { type: 'string', format: 'email' } }),
    call: (r, who) => ({
      params: { customerId: who.customerId, email: who.email },
      reason: `Ticket ${ticket(r)} names ${who.email}; need the account before answering.`,
      sources: [],
    }),
  },
  {
    name: 'crm.search_orders',
    actionLevel: 'read',
    description: 'List the orders of a customer.',
    summaryTemplate: 'Search orders of {customerId}',
    textParam: null,
    parameters: object(['customerId'], { customerId: str, since: { type: 'string', format: 'date' } }),
    call: (r, who) => ({
      params: { customerId: who.customerId, since: `2026-${String(r.int(1, 11)).padStart(2, '0')}-01` },
      reason: 'The customer refers to "my last order" without a number.',
      sources: [],
    }),
  },
  {
    name: 'billing.get_invoice',
    actionLevel: 'read',
    description: 'Fetch an invoice as issued.',
    summaryTemplate: 'Fetch invoice {invoiceId}',
    textParam: null,
    parameters: object(['invoiceId'], { invoiceId: id('^INV-[0-9]{6}$') }),
    call: (r) => ({
      params: { invoiceId: `INV-${r.digits(6)}` },
      reason: 'Customer asks for a copy of the invoice.',
      sources: [],
    }),
  },
  {
    name: 'kb.search_articles',
    actionLevel: 'read',
    description: 'Search the help center.',
    summaryTemplate: 'Search the help center for "{query}"',
    textParam: 'query',
    parameters: object(['query'], {
      query: { type: 'string', minLength: 2, maxLength: 200 },
      limit: { type: 'integer', minimum: 1, maximum: 20 },
    }),
    call: (r) => ({
      params: { query: r.pick(TOPICS), limit: r.int(3, 10) },
      reason: 'Looking for an article that answers the ticket.',
      sources: [],
    }),
  },
  {
    name: 'analytics.run_report',
    actionLevel: 'read',
    description: 'Run a saved analytics report.',
    summaryTemplate: 'Run report {report} for {period}',
    textParam: null,
    parameters: object(['report', 'period'], {
      report: { enum: ['churn', 'mrr', 'refunds', 'tickets_by_category'] },
      period: { enum: ['7d', '30d', '90d'] },
    }),
    call: (r) => ({
      params: {
        report: r.pick(['churn', 'mrr', 'refunds', 'tickets_by_category']),
        period: r.pick(['7d', '30d', '90d']),
      },
      reason: 'Weekly summary for the support lead.',
      sources: [],
    }),
  },
  {
    name: 'hr.lookup_employee',
    actionLevel: 'read',
    description: 'Look up an employee in the HR system.',
    summaryTemplate: 'Look up employee {employeeId}',
    textParam: null,
    sensitiveFields: ['salaryBand'],
    parameters: object(['employeeId'], { employeeId: id('^E[0-9]{5}$'), salaryBand: { type: 'string' } }),
    call: (r) => ({
      params: { employeeId: `E${r.digits(5)}` },
      reason: 'Employee asked about their remaining leave days.',
      sources: [],
    }),
  },
  {
    name: 'inventory.check_stock',
    actionLevel: 'read',
    description: 'Stock level of a product in a warehouse.',
    summaryTemplate: 'Check stock of {sku} in {warehouse}',
    textParam: null,
    parameters: object(['sku', 'warehouse'], {
      sku: id('^SKU-[0-9]{5}$'),
      warehouse: { enum: ['AMS', 'BER', 'DUB', 'NYC'] },
    }),
    call: (r) => ({
      params: { sku: `SKU-${r.digits(5)}`, warehouse: r.pick(['AMS', 'BER', 'DUB', 'NYC']) },
      reason: 'Customer asks when the item ships.',
      sources: [],
    }),
  },
  {
    name: 'logs.query',
    actionLevel: 'read',
    description: 'Query application logs (last 7 days).',
    summaryTemplate: 'Query logs: {query}',
    textParam: 'query',
    parameters: object(['query'], {
      query: { type: 'string', minLength: 3, maxLength: 500 },
      service: { enum: ['api', 'web', 'billing', 'auth'] },
    }),
    call: (r, who) => ({
      params: {
        query: `customer_id:${who.customerId} level:error`,
        service: r.pick(['api', 'web', 'billing', 'auth']),
      },
      reason: 'Customer reports HTTP 500 errors since this morning.',
      sources: [],
    }),
  },
  // draft
  {
    name: 'email.draft_reply',
    actionLevel: 'draft',
    description: 'Draft a reply to a support ticket (not sent).',
    summaryTemplate: 'Draft a reply to ticket {ticketId}',
    textParam: 'body',
    parameters: object(['ticketId', 'body'], { ticketId: str, body: str }),
    call: (r, who) => ({
      params: {
        ticketId: ticket(r),
        body: `Hi ${who.first},\n\nThanks for reaching out about your ${r.pick(TOPICS)}. Here is what we found: …`,
      },
      reason: 'Reply drafted for a human agent to check.',
      sources: [kb('Answer templates', 'templates')],
    }),
  },
  {
    name: 'docs.draft_contract',
    actionLevel: 'draft',
    description: 'Draft a contract from the approved template.',
    summaryTemplate: 'Draft a {template} for {company}',
    textParam: 'notes',
    parameters: object(['template', 'company'], {
      template: { enum: ['NDA', 'MSA', 'DPA', 'order form'] },
      company: str,
      notes: { type: 'string' },
    }),
    call: (r, who) => ({
      params: {
        template: r.pick(['NDA', 'MSA', 'DPA', 'order form']),
        company: who.company,
        notes: 'Standard terms; 30-day payment.',
      },
      reason: `Sales asked for paperwork for ${who.company}.`,
      sources: [
        { title: `CRM opportunity ${who.company}`, url: `https://crm.example.com/opportunities/${who.customerId}` },
      ],
    }),
  },
  {
    name: 'social.draft_post',
    actionLevel: 'draft',
    description: 'Draft a social media post for the marketing calendar.',
    summaryTemplate: 'Draft a {network} post',
    textParam: 'text',
    parameters: object(['network', 'text'], {
      network: { enum: ['linkedin', 'x', 'mastodon'] },
      text: { type: 'string', minLength: 1, maxLength: 3000 },
    }),
    call: (r) => ({
      params: {
        network: r.pick(['linkedin', 'x', 'mastodon']),
        text: `New this week: ${r.pick(['faster exports', 'SSO for every plan', 'a refreshed dashboard', 'audit log search'])}. Read more on our blog.`,
      },
      reason: 'Marketing calendar slot for Thursday.',
      sources: [{ title: 'Release notes', url: 'https://example.com/changelog' }],
    }),
  },
  {
    name: 'support.draft_macro',
    actionLevel: 'draft',
    description: 'Draft a saved reply (macro) for support agents.',
    summaryTemplate: 'Draft macro "{title}"',
    textParam: 'body',
    parameters: object(['title', 'body'], { title: str, body: str }),
    call: (r) => {
      const topic = r.pick(TOPICS);
      return {
        params: { title: `How to: ${topic}`, body: `Steps for ${topic}: 1. … 2. … 3. …` },
        reason: `Twelve tickets this week asked about ${topic}.`,
        sources: [kb(topic, topic.replaceAll(' ', '-'))],
      };
    },
  },
  {
    name: 'sales.draft_quote',
    actionLevel: 'draft',
    description: 'Draft a price quote.',
    summaryTemplate: 'Draft a quote for {company}: {seats} seats',
    textParam: null,
    parameters: object(['company', 'seats', 'plan'], {
      company: str,
      seats: { type: 'integer', minimum: 1 },
      plan: { enum: PLANS },
    }),
    call: (r, who) => ({
      params: { company: who.company, seats: r.int(5, 500), plan: r.pick(PLANS) },
      reason: 'Inbound request from the pricing page.',
      sources: [],
    }),
  },
  {
    name: 'hr.draft_offer_letter',
    actionLevel: 'draft',
    description: 'Draft an offer letter for a candidate.',
    summaryTemplate: 'Draft an offer letter for {candidate}',
    textParam: null,
    sensitiveFields: ['salary'],
    parameters: object(['candidate', 'role', 'salary'], {
      candidate: str,
      role: str,
      salary: { type: 'number', minimum: 0 },
    }),
    call: (r, who) => ({
      params: {
        candidate: `${who.first} ${who.last}`,
        role: r.pick(['Support engineer', 'Account executive', 'Backend engineer']),
        salary: r.int(45, 120) * 1000,
      },
      reason: 'Hiring manager approved the candidate in the ATS.',
      sources: [{ title: 'ATS: hiring decision', url: 'https://ats.example.com/decisions' }],
    }),
  },
  // classify
  {
    name: 'ticket.classify',
    actionLevel: 'classify',
    description: 'Set the category and priority of a ticket.',
    summaryTemplate: 'Classify ticket {ticketId} as {category} ({priority})',
    textParam: null,
    parameters: object(['ticketId', 'category'], {
      ticketId: str,
      category: { enum: CATEGORIES },
      priority: { enum: ['low', 'normal', 'high'] },
    }),
    call: (r) => ({
      params: { ticketId: ticket(r), category: r.pick(CATEGORIES), priority: r.pick(['low', 'normal', 'high']) },
      reason: 'Mentions a charge.',
      sources: [],
    }),
  },
  {
    name: 'email.tag_thread',
    actionLevel: 'classify',
    description: 'Tag an e-mail thread in the shared inbox.',
    summaryTemplate: 'Tag thread {threadId} with {tag}',
    textParam: null,
    parameters: object(['threadId', 'tag'], {
      threadId: str,
      tag: { enum: ['invoice', 'complaint', 'lead', 'spam', 'partner'] },
    }),
    call: (r) => ({
      params: { threadId: `th_${r.digits(8)}`, tag: r.pick(['invoice', 'complaint', 'lead', 'spam', 'partner']) },
      reason: 'Sorting the shared inbox.',
      sources: [],
    }),
  },
  {
    name: 'lead.score',
    actionLevel: 'classify',
    description: 'Score an inbound lead.',
    summaryTemplate: 'Score lead {leadId}: {score}',
    textParam: null,
    parameters: object(['leadId', 'score'], { leadId: str, score: { type: 'integer', minimum: 0, maximum: 100 } }),
    call: (r, who) => ({
      params: { leadId: `L-${who.customerId.slice(2)}`, score: r.int(5, 95) },
      reason: `${who.company} visited the pricing page three times.`,
      sources: [],
    }),
  },
  {
    name: 'doc.label_sensitivity',
    actionLevel: 'classify',
    description: "Label a document's sensitivity.",
    summaryTemplate: 'Label {documentId} {label}',
    textParam: null,
    parameters: object(['documentId', 'label'], {
      documentId: str,
      label: { enum: ['public', 'internal', 'confidential', 'restricted'] },
    }),
    call: (r) => ({
      params: { documentId: `doc_${r.digits(7)}`, label: r.pick(['public', 'internal', 'confidential', 'restricted']) },
      reason: 'Contains customer names.',
      sources: [],
    }),
  },
  {
    name: 'review.flag_spam',
    actionLevel: 'classify',
    description: 'Flag a product review as spam.',
    summaryTemplate: 'Flag review {reviewId} as spam',
    textParam: null,
    parameters: object(['reviewId'], { reviewId: str, confidence: { type: 'number', minimum: 0, maximum: 1 } }),
    call: (r) => ({
      params: { reviewId: `rv_${r.digits(7)}`, confidence: Math.round(r.next() * 100) / 100 },
      reason: 'Same text posted under five accounts.',
      sources: [],
    }),
  },
  // create
  {
    name: 'crm.create_contact',
    actionLevel: 'create',
    description: 'Create a contact in the CRM.',
    supportsRollback: true,
    summaryTemplate: 'Create contact {email}',
    textParam: 'note',
    parameters: object(['email', 'name'], {
      email: { type: 'string', format: 'email' },
      name: str,
      company: { type: 'string' },
      note: { type: 'string' },
    }),
    call: (r, who) => ({
      params: { email: who.email, name: `${who.first} ${who.last}`, company: who.company, note: 'Met at the webinar.' },
      reason: 'New lead from the webinar sign-up list.',
      sources: [{ title: 'Webinar sign-ups', url: 'https://events.example.com/webinar/signups' }],
    }),
  },
  {
    name: 'ticket.create',
    actionLevel: 'create',
    description: 'Open a ticket in the support desk.',
    supportsRollback: true,
    summaryTemplate: 'Open a ticket: {subject}',
    textParam: 'description',
    parameters: object(['subject', 'description'], {
      subject: str,
      description: str,
      requesterEmail: { type: 'string', format: 'email' },
    }),
    call: (r, who) => {
      const topic = r.pick(TOPICS);
      return {
        params: {
          subject: `Follow-up: ${topic}`,
          description: `Customer wrote in chat about ${topic}; needs a follow-up.`,
          requesterEmail: who.email,
        },
        reason: 'Chat ended before the question was answered.',
        sources: [{ title: 'Chat transcript', url: `https://chat.example.com/t/${r.digits(6)}` }],
      };
    },
  },
  {
    name: 'calendar.create_event',
    actionLevel: 'create',
    description: 'Create a calendar event and invite people.',
    supportsRollback: true,
    summaryTemplate: 'Schedule "{title}" on {start}',
    textParam: 'title',
    parameters: object(['title', 'start', 'attendees'], {
      title: str,
      start: { type: 'string', format: 'date-time' },
      attendees: { type: 'array', items: { type: 'string', format: 'email' }, minItems: 1 },
    }),
    call: (r, who) => ({
      params: {
        title: `Onboarding call with ${who.company}`,
        start: `2026-12-${String(r.int(7, 28)).padStart(2, '0')}T${String(r.int(8, 16)).padStart(2, '0')}:00:00Z`,
        attendees: [who.email],
      },
      reason: 'Customer picked a slot in the booking form.',
      sources: [],
    }),
  },
  {
    name: 'jira.create_issue',
    actionLevel: 'create',
    description: 'Create an issue in the engineering tracker.',
    supportsRollback: true,
    summaryTemplate: 'Create {type} in {project}: {summary}',
    textParam: 'description',
    parameters: object(['project', 'type', 'summary'], {
      project: { enum: ['API', 'WEB', 'BILL', 'OPS'] },
      type: { enum: ['bug', 'task'] },
      summary: str,
      description: { type: 'string' },
    }),
    call: (r) => ({
      params: {
        project: r.pick(['API', 'WEB', 'BILL', 'OPS']),
        type: r.pick(['bug', 'task']),
        summary: r.pick([
          'Export times out for large accounts',
          'Invoice PDF misses VAT id',
          'SSO login loops on Safari',
        ]),
        description: 'Reproduced by three customers this week.',
      },
      reason: 'Several tickets describe the same failure.',
      sources: [ticketSource(r, 'export fails')],
    }),
  },
  {
    name: 'billing.create_credit_note',
    actionLevel: 'create',
    description: 'Issue a credit note against an invoice.',
    summaryTemplate: 'Credit {amount} {currency} on invoice {invoiceId}',
    textParam: null,
    parameters: object(['invoiceId', 'amount', 'currency'], {
      invoiceId: id('^INV-[0-9]{6}$'),
      amount: { type: 'number', exclusiveMinimum: 0 },
      currency: { enum: CURRENCIES },
    }),
    call: (r) => ({
      params: { invoiceId: `INV-${r.digits(6)}`, amount: r.amount(5, 900), currency: r.pick(CURRENCIES) },
      reason: 'Service outage credit under the SLA.',
      sources: [policy('SLA §4.2', 'Credits of 10% per hour of downtime.')],
    }),
  },
  {
    name: 'docs.create_page',
    actionLevel: 'create',
    description: 'Create a page in the internal wiki.',
    supportsRollback: true,
    summaryTemplate: 'Create wiki page "{title}"',
    textParam: 'body',
    parameters: object(['space', 'title', 'body'], { space: { enum: ['SUP', 'ENG', 'OPS'] }, title: str, body: str }),
    call: (r) => {
      const topic = r.pick(TOPICS);
      return {
        params: {
          space: r.pick(['SUP', 'ENG', 'OPS']),
          title: `Runbook: ${topic}`,
          body: `When a customer asks about ${topic}: …`,
        },
        reason: 'Recurring question without a runbook.',
        sources: [],
      };
    },
  },
  {
    name: 'github.open_pull_request',
    actionLevel: 'create',
    description: 'Open a pull request with a generated change.',
    supportsRollback: true,
    summaryTemplate: 'Open a pull request in {repo}: {title}',
    textParam: 'body',
    parameters: object(['repo', 'title', 'branch'], {
      repo: { enum: ['web', 'api', 'infra'] },
      title: str,
      branch: str,
      body: { type: 'string' },
    }),
    call: (r) => ({
      params: {
        repo: r.pick(['web', 'api', 'infra']),
        title: r.pick(['Bump dependencies', 'Fix typo in onboarding e-mail', 'Raise export timeout']),
        branch: `bot/${r.digits(5)}`,
        body: 'Generated by the maintenance agent.',
      },
      reason: 'Weekly maintenance run.',
      sources: [{ title: 'Dependency report', url: 'https://ci.example.com/reports/deps' }],
    }),
  },
  // update
  {
    name: 'crm.update_field',
    actionLevel: 'update',
    description: 'Update one field of a customer record.',
    supportsRollback: true,
    summaryTemplate: 'Set {field} of customer {customerId} to {value}',
    textParam: 'value',
    parameters: object(['customerId', 'field', 'value'], {
      customerId: str,
      field: { enum: ['plan', 'phone', 'company', 'billingEmail'] },
      value: {},
    }),
    call: (r, who) => {
      const field = r.pick(['plan', 'phone', 'company', 'billingEmail']);
      const [before, after] =
        field === 'plan'
          ? [r.pick(PLANS), r.pick(PLANS)]
          : field === 'phone'
            ? [`+49 30 ${r.digits(7)}`, `+49 30 ${r.digits(7)}`]
            : field === 'company'
              ? [who.company, `${who.company} GmbH`]
              : [who.email, `billing@${who.email.split('@')[1]}`];
      return {
        params: { customerId: who.customerId, field, value: after },
        currentValues: { [field]: before },
        reason: `Customer confirmed the new ${field} in the ticket.`,
        sources: [ticketSource(r, `update ${field}`)],
      };
    },
  },
  {
    name: 'billing.change_payout_account',
    actionLevel: 'update',
    description: "Change the bank account a customer's payouts are sent to.",
    summaryTemplate: 'Send payouts of customer {customerId} to the account of {accountHolder}',
    sensitiveFields: ['iban'],
    textParam: 'accountHolder',
    parameters: object(['customerId', 'iban', 'accountHolder'], {
      customerId: str,
      iban: id('^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
      accountHolder: str,
    }),
    call: (r, who) => ({
      params: { customerId: who.customerId, iban: `DE${r.digits(20)}`, accountHolder: who.company },
      currentValues: { iban: `DE${r.digits(20)}`, accountHolder: who.company },
      reason: 'The customer asked to move their payouts to a new bank account.',
      sources: r.chance(0.7)
        ? [ticketSource(r, 'new bank details', 'Please send future payouts to the attached account.')]
        : [],
    }),
  },
  {
    name: 'subscription.change_plan',
    actionLevel: 'update',
    description: 'Move a subscription to another plan.',
    supportsRollback: true,
    summaryTemplate: 'Move {customerId} to the {plan} plan',
    textParam: null,
    parameters: object(['customerId', 'plan'], {
      customerId: str,
      plan: { enum: PLANS },
      prorate: { type: 'boolean' },
    }),
    call: (r, who) => ({
      params: { customerId: who.customerId, plan: r.pick(PLANS), prorate: r.chance(0.8) },
      currentValues: { plan: r.pick(PLANS) },
      reason: 'Customer asked to change plan from the billing page chat.',
      sources: [ticketSource(r, 'plan change')],
    }),
  },
  {
    name: 'user.reset_mfa',
    actionLevel: 'update',
    description: "Reset a user's second factor so they can enrol again.",
    summaryTemplate: 'Reset MFA of {email}',
    textParam: null,
    parameters: object(['email'], { email: { type: 'string', format: 'email' }, ticketId: { type: 'string' } }),
    call: (r, who) => ({
      params: { email: who.email, ticketId: ticket(r) },
      reason: 'User lost their phone; identity checked by video call.',
      sources: r.chance(0.6) ? [ticketSource(r, 'lost phone')] : [],
    }),
  },
  {
    name: 'inventory.adjust_stock',
    actionLevel: 'update',
    description: 'Correct the stock level of a product.',
    supportsRollback: true,
    summaryTemplate: 'Set stock of {sku} in {warehouse} to {quantity}',
    textParam: null,
    parameters: object(['sku', 'warehouse', 'quantity'], {
      sku: id('^SKU-[0-9]{5}$'),
      warehouse: { enum: ['AMS', 'BER', 'DUB', 'NYC'] },
      quantity: { type: 'integer', minimum: 0 },
    }),
    call: (r) => {
      const quantity = r.int(0, 400);
      return {
        params: { sku: `SKU-${r.digits(5)}`, warehouse: r.pick(['AMS', 'BER', 'DUB', 'NYC']), quantity },
        currentValues: { quantity: quantity + r.int(-20, 20) },
        reason: 'Cycle count differs from the system.',
        sources: [{ title: 'Cycle count sheet', excerpt: `Counted ${quantity}.` }],
      };
    },
  },
  {
    name: 'iam.grant_role',
    actionLevel: 'update',
    description: 'Grant a role in the identity provider.',
    supportsRollback: true,
    summaryTemplate: 'Grant {role} to {email}',
    textParam: 'justification',
    parameters: object(['email', 'role', 'justification'], {
      email: { type: 'string', format: 'email' },
      role: { enum: ['viewer', 'editor', 'billing-admin', 'org-admin'] },
      justification: str,
    }),
    call: (r, who) => ({
      params: {
        email: who.email,
        role: r.weighted([
          ['viewer', 4],
          ['editor', 3],
          ['billing-admin', 2],
          ['org-admin', 1],
        ] as const),
        justification: 'Joined the finance team.',
      },
      currentValues: { role: 'viewer' },
      reason: 'Access request approved by the manager in the IT portal.',
      sources: [{ title: 'IT portal request', url: `https://it.example.com/requests/${r.digits(5)}` }],
    }),
  },
  {
    name: 'dns.update_record',
    actionLevel: 'update',
    description: 'Change a DNS record.',
    supportsRollback: true,
    summaryTemplate: 'Point {name} ({type}) to {value}',
    textParam: null,
    parameters: object(['name', 'type', 'value'], {
      name: str,
      type: { enum: ['A', 'CNAME', 'TXT'] },
      value: str,
      ttl: { type: 'integer', minimum: 60 },
    }),
    call: (r) => ({
      params: {
        name: r.pick(['status.example.com', 'docs.example.com', 'mail.example.com']),
        type: 'CNAME',
        value: r.pick(['pages.example.net', 'lb-2.example.net']),
        ttl: 300,
      },
      currentValues: { value: 'lb-1.example.net' },
      reason: 'Migration to the new load balancer.',
      sources: [{ title: 'Change request CR-2231' }],
    }),
  },
  {
    name: 'ticket.close',
    actionLevel: 'update',
    description: 'Close a ticket as solved.',
    supportsRollback: true,
    summaryTemplate: 'Close ticket {ticketId}',
    textParam: 'note',
    parameters: object(['ticketId'], { ticketId: str, note: { type: 'string' } }),
    call: (r) => ({
      params: { ticketId: ticket(r), note: 'Customer confirmed it works.' },
      currentValues: { status: 'open' },
      reason: 'No reply for 7 days after the fix was confirmed.',
      sources: [],
    }),
  },
  // external
  {
    name: 'email.send',
    actionLevel: 'external',
    description: 'Send an e-mail to a customer.',
    summaryTemplate: 'E-mail {to}: "{subject}"',
    textParam: 'body',
    parameters: object(['to', 'subject', 'body'], { to: { type: 'string', format: 'email' }, subject: str, body: str }),
    call: (r, who) => {
      const topic = r.pick(TOPICS);
      return {
        params: {
          to: who.email,
          subject: `About your ${topic}`,
          body: `Hi ${who.first},\n\nHere is how to handle your ${topic}: …\n\nBest regards,\nSupport`,
        },
        reason: `Ticket asks about ${topic}; the knowledge-base answer applies.`,
        sources: r.chance(0.8) ? [kb(topic, topic.replaceAll(' ', '-'))] : [],
      };
    },
  },
  {
    name: 'refund.issue',
    actionLevel: 'external',
    description: 'Refund an order through the payment provider.',
    summaryTemplate: 'Refund {amount} {currency} to order {orderId}',
    sensitiveFields: ['cardLast4'],
    textParam: null,
    parameters: object(['orderId', 'amount', 'currency'], {
      orderId: str,
      amount: { type: 'number', exclusiveMinimum: 0 },
      currency: { enum: CURRENCIES },
      cardLast4: id('^[0-9]{4}$'),
    }),
    call: (r) => ({
      params: {
        orderId: order(r),
        amount: r.amount(9, 3000),
        currency: r.weighted([
          ['EUR', 6],
          ['USD', 3],
          ['GBP', 1],
        ] as const),
        cardLast4: r.digits(4),
      },
      reason: r.pick([
        'Customer reports a duplicate charge; the order shows two captures on the same day.',
        'Item arrived damaged; photo attached to the ticket.',
        `The ${r.pick(PRODUCTS)} was returned within 30 days.`,
      ]),
      sources: r.chance(0.85)
        ? [ticketSource(r, 'refund request'), policy('Refund policy §3', 'Duplicate charges are refunded in full.')]
        : [],
    }),
  },
  {
    name: 'sms.send',
    actionLevel: 'external',
    description: 'Send a text message.',
    summaryTemplate: 'Text {phone}',
    sensitiveFields: ['phone'],
    textParam: 'text',
    parameters: object(['phone', 'text'], {
      phone: id('^\\+[0-9]{8,15}$'),
      text: { type: 'string', minLength: 1, maxLength: 480 },
    }),
    call: (r, who) => ({
      params: {
        phone: `+4917${r.digits(8)}`,
        text: `Hi ${who.first}, your delivery ${order(r)} arrives tomorrow between 9 and 12.`,
      },
      reason: 'Delivery window confirmed by the carrier.',
      sources: [{ title: 'Carrier API: delivery window' }],
    }),
  },
  {
    name: 'slack.post_message',
    actionLevel: 'external',
    description: 'Post in a shared Slack channel with a customer.',
    summaryTemplate: 'Post in #{channel}',
    textParam: 'text',
    parameters: object(['channel', 'text'], { channel: str, text: str }),
    call: (r, who) => ({
      params: {
        channel: `ext-${who.company.toLowerCase().replace(/[^a-z]+/g, '-')}`,
        text: 'The fix for the export timeout is live; please retry.',
      },
      reason: 'The customer asked to be told when the fix ships.',
      sources: [{ title: 'Deploy log', url: 'https://ci.example.com/deploys' }],
    }),
  },
  {
    name: 'payments.send_payout',
    actionLevel: 'external',
    description: "Send a payout to a partner's bank account.",
    summaryTemplate: 'Pay {amount} {currency} to {payee}',
    sensitiveFields: ['iban'],
    textParam: 'reference',
    parameters: object(['payee', 'iban', 'amount', 'currency', 'reference'], {
      payee: str,
      iban: id('^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
      amount: { type: 'number', exclusiveMinimum: 0 },
      currency: { enum: CURRENCIES },
      reference: str,
    }),
    call: (r, who) => ({
      params: {
        payee: who.company,
        iban: `NL${r.digits(2)}BANK${r.digits(10)}`,
        amount: r.amount(50, 40000),
        currency: r.pick(CURRENCIES),
        reference: `Commission ${r.pick(['October', 'November'])} 2026`,
      },
      reason: 'Monthly partner commission per the partner agreement.',
      sources: r.chance(0.9)
        ? [{ title: 'Partner statement', url: `https://partners.example.com/statements/${r.digits(6)}` }]
        : [],
    }),
  },
  {
    name: 'social.publish_post',
    actionLevel: 'external',
    description: "Publish a post on the company's social accounts.",
    summaryTemplate: 'Publish on {network}',
    textParam: 'text',
    parameters: object(['network', 'text'], {
      network: { enum: ['linkedin', 'x', 'mastodon'] },
      text: { type: 'string', minLength: 1, maxLength: 3000 },
    }),
    call: (r) => ({
      params: {
        network: r.pick(['linkedin', 'x', 'mastodon']),
        text: `We are hiring: ${r.pick(['support engineers', 'a product designer', 'account executives'])}. Join us!`,
      },
      reason: 'Scheduled in the marketing calendar.',
      sources: [{ title: 'Marketing calendar', url: 'https://calendar.example.com/marketing' }],
    }),
  },
  {
    name: 'webhook.call_partner',
    actionLevel: 'external',
    description: "Send an event to a partner's webhook.",
    summaryTemplate: 'Send {event} to {url}',
    textParam: null,
    parameters: object(['url', 'event'], {
      url: { type: 'string', format: 'uri' },
      event: { enum: ['order.shipped', 'order.refunded', 'account.closed'] },
      payload: { type: 'object' },
    }),
    call: (r, who) => ({
      params: {
        url: r.weighted([
          ['https://hooks.partner-a.example/warden', 48],
          ['https://api.partner-b.example/events', 48],
          ['https://webhook-relay.evil.example/in', 4],
        ] as const),
        event: r.pick(['order.shipped', 'order.refunded', 'account.closed']),
        payload: { customerId: who.customerId },
      },
      reason: 'The partner integration expects this event.',
      sources: [],
    }),
  },
  {
    name: 'vendor.place_order',
    actionLevel: 'external',
    description: 'Place a purchase order with a supplier.',
    summaryTemplate: 'Order {quantity} × {sku} from {vendor}',
    textParam: 'note',
    parameters: object(['vendor', 'sku', 'quantity'], {
      vendor: { enum: ['Acme Supplies', 'Globex', 'Initech'] },
      sku: id('^SKU-[0-9]{5}$'),
      quantity: { type: 'integer', minimum: 1 },
      note: { type: 'string' },
    }),
    call: (r) => ({
      params: {
        vendor: r.pick(['Acme Supplies', 'Globex', 'Initech']),
        sku: `SKU-${r.digits(5)}`,
        quantity: r.int(1, 250),
        note: 'Deliver to AMS.',
      },
      reason: 'Stock below the reorder point.',
      sources: [{ title: 'Reorder report', url: 'https://erp.example.com/reorder' }],
    }),
  },
];
