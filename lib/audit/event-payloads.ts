import { z } from 'zod';
import type { AuditEventType } from './event-types';

/*
 * The shape of every audit event's payload: one zod schema per event type. Writers are typed from these
 * (`recordAuditEvent(s)` takes `z.input` of the type's schema) and the one reader (`read-audit-payload.ts`) parses with
 * them. Objects are strict: a key the schema does not name makes the row read as unparsed (shown raw), so nothing a row
 * recorded is ever dropped from what people see. The log is sealed, so a schema must keep reading what was written
 * before: a field added later is optional. Client-safe (zod only).
 */

const text = z.string();
const nullableText = z.string().nullable();
const texts = z.array(z.string());
const none = z.strictObject({});
/** Grant rules, tool settings and the like, recorded as they were (their own shapes change over time). */
const snapshot = z.unknown();
const fields = z.record(z.string(), z.unknown());

const returnToNormalTarget = {
  requestId: text,
  incidentId: nullableText,
  switchId: nullableText,
  target: text,
  reason: text,
};

export const auditPayloadSchemas = {
  'action.proposed': z.strictObject({ tool: text, traceId: text, requester: nullableText }),
  'action.params_invalid': z.strictObject({
    tool: text,
    issues: z.array(z.strictObject({ path: text, message: text })),
  }),
  'gate.decided': z.strictObject({ outcome: text, reasons: texts }),
  'action.approved': z.strictObject({ comment: nullableText, override: text.optional() }),
  'action.rejected': z.strictObject({ comment: nullableText }),
  'action.claimed': none,
  'action.expired': z.strictObject({ deadline: text }),
  'action.claim_blocked': z.strictObject({ reasons: texts }),
  'action.succeeded': z.strictObject({ downstreamRef: nullableText }),
  'action.failed': z.strictObject({ error: nullableText, downstreamRef: nullableText }),
  'agent.created': z.strictObject({ name: text, ownerId: text, after: fields.optional() }),
  'agent.paused': z.strictObject({ reason: nullableText }),
  // Resumed by a person, or by an incident's return to normal (which names its request and incident).
  'agent.resumed': z.strictObject({ returnToNormalRequestId: text.optional(), incidentId: text.optional() }),
  'agent.mode_changed': z.strictObject({ from: text, to: text }),
  'agent_key.created': z.strictObject({ keyId: text, prefix: text, label: text, expiresAt: nullableText }),
  'agent_key.revoked': z.strictObject({ keyId: text, prefix: text }),
  'tool.created': z.strictObject({ name: text, actionLevel: text }),
  'grant.created': z.strictObject({ tool: text, version: z.number(), after: snapshot }),
  'grant.updated': z.strictObject({
    tool: text,
    version: z.number(),
    before: snapshot,
    after: snapshot,
    loosened: texts.optional(),
    changeRequestId: text.optional(),
  }),
  'grant.revoked': z.strictObject({ tool: text, before: snapshot }),
  'gate.throttled': z.strictObject({ tool: text, reasons: texts }),
  'action.approval_recorded': z.strictObject({
    comment: nullableText,
    approvals: z.number(),
    required: z.number(),
    group: text.optional(),
    override: text.optional(),
  }),
  'agent.requester_key_set': z.strictObject({ issuer: nullableText, configured: z.boolean() }),
  'agent_key.rotated': z.strictObject({ keyId: text, prefix: text, replacedKeyId: text, oldKeyExpiresAt: text }),
  'tool.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'tool.enabled': z.strictObject({ name: text }),
  'tool.disabled': z.strictObject({ name: text }),
  // Since issue 13 with the reason (and, released from the CLI, breakGlass); earlier events carry nothing.
  'switch.global_stop_engaged': z.strictObject({ reason: text.optional() }),
  'switch.global_stop_released': z.strictObject({
    reason: text.optional(),
    breakGlass: z.boolean().optional(),
    deadlinesMoved: z.number().optional(),
  }),
  'user.created': z.strictObject({ email: text, roles: texts }),
  // A reviewer changed the parameters before approving: a new version; the agent receives it at claim.
  'action.params_edited': z.strictObject({
    version: z.number(),
    // before/after left out of the JSON where the parameter was absent on that side (lib/policy/diff-params.ts).
    changes: z.array(z.strictObject({ path: text, before: z.unknown().optional(), after: z.unknown().optional() })),
    paramsHash: text,
    comment: nullableText,
  }),
  // Earlier approvals were given to other parameters; an edit voids them.
  'action.approvals_reset': z.strictObject({ reason: text, count: z.number() }),
  // Handed to another reviewer group, by a person (with a note) or by the grant's escalation ladder.
  // Groups by id (what the notifier routes on) and by name as it was then (what people read).
  'action.escalated': z.strictObject({
    fromGroupId: nullableText,
    toGroupId: text,
    fromGroup: nullableText,
    toGroup: text,
    note: nullableText,
    level: z.number().optional(),
    automatic: z.boolean(),
  }),
  'review_group.created': z.strictObject({ name: text }),
  'review_group.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'review_group.member_added': z.strictObject({ group: text, email: text }),
  'review_group.member_removed': z.strictObject({ group: text, email: text }),
  'review_group.deleted': z.strictObject({ name: text, members: texts }),
  'notification_channel.created': z.strictObject({
    name: text,
    kind: text,
    group: nullableText,
    oversight: texts.optional(),
  }),
  'notification_channel.updated': z.strictObject({ name: text, before: snapshot, after: snapshot }),
  'notification_channel.tested': z.strictObject({ name: text }),
  // A channel gave up on a delivery after its last attempt (status code only, never the receiver's answer).
  'notification.delivery_failed': z.strictObject({
    channelId: text,
    channel: text,
    event: text,
    attempts: z.number(),
    lastStatus: z.number().nullable(),
  }),
  // A reviewer who may decide opened the pending action's card (first time only): where their review clock starts.
  'action.opened': none,
  // People (issue 12): who changed whom; never a password, only that one was issued.
  'user.roles_changed': z.strictObject({ email: text, before: texts, after: texts }),
  'user.disabled': z.strictObject({ email: text }),
  'user.enabled': z.strictObject({ email: text }),
  'user.password_reset': z.strictObject({ email: text, expiresAt: text }),
  'user.password_changed': z.strictObject({ email: text }),
  'user.signed_out_everywhere': z.strictObject({ email: text }),
  // Agents managed in the product (lib/agents/update-agent.ts, archive-agent.ts): before/after of what changed.
  'agent.updated': z.strictObject({ name: text, version: z.number(), before: fields, after: fields }),
  'agent.ownership_transferred': z.strictObject({
    name: text,
    version: z.number(),
    from: z.strictObject({ id: text, email: text }),
    to: z.strictObject({ id: text, email: text }),
  }),
  'agent.archived': z.strictObject({
    name: text,
    version: z.number(),
    revokedKeys: texts,
    rejectedActions: z.number(),
    blockedActions: z.number(),
  }),
  // An action still waiting when its agent was archived: pending → rejected, approved → blocked.
  'action.closed_agent_archived': z.strictObject({ from: text, to: text, reason: text }),
  // Admin floors and held grant changes (lib/floors, lib/grants): a loosening by an owner waits for an admin.
  'floor.set': z.strictObject({ scope: text, before: z.number().nullable(), after: z.number().nullable() }),
  'grant.change_held': z.strictObject({
    tool: text,
    changeRequestId: text,
    baseVersion: z.number(),
    loosened: texts,
    before: snapshot,
    after: snapshot,
  }),
  'grant.change_approved': z.strictObject({
    tool: text,
    changeRequestId: text,
    version: z.number(),
    requestedBy: text,
  }),
  'grant.change_rejected': z.strictObject({ tool: text, changeRequestId: text, note: nullableText }),
  'grant.change_stale': z.strictObject({
    tool: text,
    changeRequestId: text,
    baseVersion: z.number(),
    version: z.number().nullable(),
  }),
  // The tamper-evident chain (lib/audit/chain/). Started: the first sealed event; earlier events are sealed after it.
  'audit.chain_started': z.strictObject({ earlierEvents: z.number() }),
  // The sealer found the chain not as it left it; a new segment follows, anchored in a signed checkpoint.
  'audit.chain_broken': z.strictObject({
    reason: text,
    headChainIndex: z.number().nullable(),
    headSeq: z.number().nullable(),
  }),
  // An instance runs with its sealer switched off (WARDEN_AUDIT_SEALER=off): its events wait for another sealer.
  'audit.chain_disabled': z.strictObject({ instance: text }),
  // A verification failed (recorded once per distinct first bad event).
  'audit.verification_failed': z.strictObject({
    firstBadSeq: z.number().nullable(),
    afterSeq: z.number().nullable(),
    problem: text,
  }),
  // Someone downloaded a filtered view of the log (lib/audit/export-audit-events.ts): which filter, which format.
  'audit.exported': z.strictObject({ format: text, filter: z.record(z.string(), z.string()) }),
  // An evidence bundle was built (lib/evidence/build-evidence-bundle.ts): what it selected, how much, its manifest's hash.
  'evidence.exported': z.strictObject({
    selection: fields,
    counts: z.record(z.string(), z.number()),
    manifestSha256: text,
  }),
  // Kill switches (issue 13 §1; the global stop keeps its own two events above). breakGlass: released from the CLI.
  'switch.engaged': z.strictObject({
    switchId: text,
    scope: text,
    agentId: nullableText,
    toolName: nullableText,
    effect: text,
    reason: text,
  }),
  'switch.released': z.strictObject({
    switchId: text,
    scope: text,
    effect: text,
    reason: text,
    breakGlass: z.boolean(),
    deadlinesMoved: z.number().optional(),
  }),
  'switch.engage_unchanged': z.strictObject({ switchId: text, scope: text, effect: text, reason: text }),
  // Drafts (lib/drafts/): a person promotes a draft (a new pending action, linked both ways) or discards it; a
  // promotion the gate refuses now is recorded on the draft with the gate's reasons.
  'draft.promoted': z.strictObject({ promotedActionId: text, reasons: texts }),
  'action.promoted_from_draft': z.strictObject({
    draftId: text,
    tool: text,
    traceId: text,
    outcome: text,
    reasons: texts,
  }),
  'draft.promotion_refused': z.strictObject({ reasons: texts }),
  'draft.discarded': none,
  // Rollback (lib/rollback): a compensating proposal linked to the original (on both actions), a manual undo recorded
  // by a responder, an agent's grants restored as of an earlier time (each changed grant also has its grant.updated).
  'rollback.requested': z.strictObject({ originalId: text, rollbackId: text, tool: text, outcome: text }),
  'rollback.recorded_manually': z.strictObject({ note: text }),
  'grants.restored': z.strictObject({ asOf: text, changed: texts }),
  // Incidents (lib/incidents): opened with its containment (switches engaged, agents paused, keys revoked, each also
  // audited on its own), notes, the manual fallback, closed with its resolution. `title`/`summary` read well in
  // oversight notifications; a note's body is for the audit log, not for channels.
  'incident.opened': z.strictObject({
    incidentId: text,
    title: text,
    severity: text,
    allAgents: z.boolean(),
    agents: texts,
    windowStart: text,
    containment: texts,
    switchIds: texts,
    pausedAgents: texts,
    revokedKeys: z.number(),
  }),
  'incident.closed': z.strictObject({ incidentId: text, title: text, summary: text, windowEnd: text }),
  'incident.note_added': z.strictObject({ incidentId: text, title: text, noteId: text, body: text }),
  'incident.fallback_set': z.strictObject({ incidentId: text, title: text, before: text, after: text }),
  // The return to normal (lib/return-to-normal/): a request names its target (an incident, or the global stop) and
  // waits for ANOTHER admin before it expires; approving releases the target's switches and resumes the agents the
  // incident paused, in the approval's transaction. singleAdmin: the only active admin released alone, password again.
  'return_to_normal.requested': z.strictObject({ ...returnToNormalTarget, expiresAt: text }),
  'return_to_normal.approved': z.strictObject({
    ...returnToNormalTarget,
    requestedBy: nullableText,
    note: nullableText,
    releasedSwitches: texts,
    resumedAgents: texts,
    stillPaused: texts,
  }),
  'return_to_normal.rejected': z.strictObject({ ...returnToNormalTarget, note: nullableText }),
  'return_to_normal.cancelled': z.strictObject(returnToNormalTarget),
  'return_to_normal.single_admin_released': z.strictObject({
    ...returnToNormalTarget,
    singleAdmin: z.literal(true),
    releasedSwitches: texts,
    resumedAgents: texts,
    stillPaused: texts,
  }),
  // Incident workbench (lib/incidents/mark-incident-actions.ts): a responder's mark on one action, and the mark it replaced.
  'incident.marked': z.strictObject({ incidentId: text, mark: text, note: text, previous: nullableText }),
  // What a stop does to work (lib/policy/stop-coverage.ts): an approval refused because a block holds the action
  // (frozen), recorded so Controls can count what each switch refused; `reasons` name the switches.
  'action.approval_refused_frozen': z.strictObject({ reasons: texts }),
  // MCP gateway (lib/mcp/): upstream servers (never their credentials), what a registration or refresh found, an
  // admin's decision on a found change.
  'mcp_server.registered': z.strictObject({ serverId: text, name: text, url: text, found: z.number(), status: text }),
  'mcp_server.refreshed': z.strictObject({
    serverId: text,
    name: text,
    status: text,
    added: texts,
    changed: texts,
    removed: texts,
  }),
  'mcp_tool.change_accepted': z.strictObject({
    serverId: text,
    upstreamName: text,
    kind: text,
    tool: text,
    actionLevel: nullableText,
  }),
  'mcp_tool.change_dismissed': z.strictObject({ serverId: text, upstreamName: text, kind: text }),
  // Operations: the SQLite database replaced by a checked backup (`warden restore`), recorded in the restored database;
  // where the backup came from, where the replaced file was kept, what the backup held and which migrations it lacked.
  'database.restored': z.strictObject({
    backupFile: text,
    replacedFileKeptAt: nullableText,
    actions: z.number(),
    auditEvents: z.number(),
    chainIndex: z.number().nullable(),
    appliedMigrations: texts,
  }),
  'user.signed_in_sso': z.strictObject({
    email: text,
    subject: text,
    roles: texts,
    oneTimePasswordVoided: z.boolean(),
  }),
  'user.sso_refused': z.strictObject({ email: nullableText, subject: text, reason: text }),
} satisfies Record<AuditEventType, z.ZodType>;

type Schemas = typeof auditPayloadSchemas;

/** What a writer passes for an event of type T (checked by tsc; not parsed on write, see record-audit-event.ts). */
export type AuditPayloadInput<T extends AuditEventType> = z.input<Schemas[T]>;

/** What the reader returns for an event of type T once its payload parsed. */
export type AuditPayload<T extends AuditEventType> = z.output<Schemas[T]>;
