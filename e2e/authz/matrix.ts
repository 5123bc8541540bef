// Who may call each endpoint of the build. Every page, route handler and server action must appear here: the
// matrix spec discovers them from Next's manifests and fails on one this table does not name (or names but the
// build lacks). `allow` lists the callers that get through; every other caller must be refused.
import type { CallerName } from './callers';
import type { Subject } from './subject';

const READERS: CallerName[] = ['viewer', 'reviewer', 'otherOwner', 'owner', 'admin'];
const DECIDERS: CallerName[] = ['reviewer', 'admin'];
const CONTROLLERS: CallerName[] = ['owner', 'admin'];
const ADMINS: CallerName[] = ['admin'];
const EVERYONE = 'everyone' as const;
const AGENT: CallerName[] = ['agentKey'];

export type RouteRule = {
  allow: CallerName[] | typeof EVERYONE;
  /** How the route is called; pages and console routes are GETs. */
  method?: 'GET' | 'POST';
  body?: (subject: Subject) => unknown;
  /** A console stream (server-sent events): only the status and headers are read. */
  stream?: boolean;
};

export const ROUTES: Record<string, RouteRule> = {
  '/': { allow: READERS },
  '/sign-in': { allow: EVERYONE },
  '/actions/[id]': { allow: READERS },
  '/actions/[id]/edit': { allow: DECIDERS },
  '/actions/[id]/events': { allow: READERS, stream: true },
  '/drafts': { allow: READERS },
  '/agents': { allow: READERS },
  '/agents/new': { allow: ADMINS },
  '/agents/[id]': { allow: READERS },
  '/agents/[id]/grants/[grantId]': { allow: READERS },
  '/analytics': { allow: READERS },
  '/api-reference': { allow: READERS },
  '/audit': { allow: READERS },
  // The audit log's download (issue 13): whoever may read the log may take it away, masked as on screen.
  '/audit/export': { allow: READERS },
  '/controls': { allow: ['otherOwner', 'owner', 'admin'] },
  '/floors': { allow: READERS },
  '/notifications': { allow: DECIDERS },
  '/queue': { allow: READERS },
  '/queue/events': { allow: READERS, stream: true },
  '/queue/live': { allow: READERS, stream: true },
  '/queue/rows': { allow: READERS },
  '/reviewers': { allow: READERS },
  '/tools': { allow: READERS },
  '/tools/[id]': { allow: READERS },
  '/tools/new': { allow: ADMINS },
  '/users': { allow: ADMINS },
  '/account': { allow: READERS },
  // Where a one-time password is replaced: a signed-in person who need not change theirs is sent to /account.
  '/change-password': { allow: READERS },
  '/api/auth/[...nextauth]': { allow: EVERYONE },
  '/api/v1/health': { allow: EVERYONE },
  '/api/v1/openapi.json': { allow: EVERYONE },
  '/api/v1/agent': { allow: AGENT },
  '/api/v1/actions': { allow: AGENT, method: 'POST', body: (s) => ({ tool: s.toolName, params: { title: 'matrix', priority: 1 } }) },
  '/api/v1/actions/[id]': { allow: AGENT },
  '/api/v1/actions/[id]/claim': { allow: AGENT, method: 'POST' },
  '/api/v1/actions/[id]/result': { allow: AGENT, method: 'POST', body: () => ({ ok: true }) },
  // What a stop does (issue 13 §1): the shell banner's poll of the global stop, on every console page.
  '/stop-state': { allow: READERS },
  // Rollback (issue 13 §4): the agent's own rollback actions.
  '/api/v1/rollbacks': { allow: AGENT },
  // Incidents (issue 13 §3): admins (incidents.manage) only.
  '/incidents': { allow: ADMINS },
  '/incidents/[id]/notes': { allow: ADMINS },
  // The incident's signed evidence bundle (incidents.manage and audit.verify: admins).
  '/incidents/[id]/evidence': { allow: ADMINS },
  // The return to normal of an incident (issue 13 §3): admins (incidents.manage).
  '/incidents/[id]/recovery': { allow: ADMINS },
  // The incident workbench's reading and acting side: Overview, Timeline, Replay (admins only).
  '/incidents/[id]': { allow: ADMINS },
  '/incidents/[id]/timeline': { allow: ADMINS },
  '/incidents/[id]/replay': { allow: ADMINS },
};

/** A server action's arguments: JSON values, or a form (sent as the browser sends `action(previousState, formData)`). */
export type ActionArgs = { json: unknown[] } | { form: Record<string, string> };

export type ServerActionRule = {
  allow: CallerName[];
  args: (subject: Subject) => ActionArgs;
  /** The action ends the caller's own sessions: it gets callers of its own, so the others' cookies stay valid. */
  endsOwnSessions?: boolean;
};

const json = (...args: unknown[]): ActionArgs => ({ json: args });
const A = 'app/(console)';
const RULES = { approvals: 1, constraints: [] };

export const SERVER_ACTIONS: Record<string, ServerActionRule> = {
  [`${A}/actions/[id]/actions.ts#decideAction`]: { allow: DECIDERS, args: (s) => ({ form: { actionId: s.actionId, decision: 'reject', comment: 'matrix' } }) },
  [`${A}/actions/[id]/actions.ts#escalateActionForm`]: { allow: DECIDERS, args: (s) => ({ form: { actionId: s.actionId, groupId: s.groupId, note: 'matrix' } }) },
  [`${A}/actions/[id]/actions.ts#nextPendingAction`]: { allow: READERS, args: (s) => json({ actionId: s.actionId, createdAt: s.actionCreatedAt }) },
  // Drafts (issue 13 §2): reviewers, admins and the agent's own owner; never another owner or a viewer.
  [`${A}/actions/[id]/draft-actions.ts#promoteDraftAction`]: { allow: ['reviewer', 'owner', 'admin'], args: (s) => json({ draftId: s.draftId }) },
  [`${A}/actions/[id]/draft-actions.ts#discardDraftAction`]: { allow: ['reviewer', 'owner', 'admin'], args: (s) => json({ draftId: s.draftId }) },
  [`${A}/actions/[id]/actions.ts#recordOpened`]: { allow: DECIDERS, args: (s) => json({ actionId: s.actionId }) },
  [`${A}/actions/[id]/edit/actions.ts#editAndApprove`]: { allow: DECIDERS, args: (s) => ({ form: { actionId: s.actionId, version: '1', params: JSON.stringify({ title: 'edited', priority: 3 }) } }) },
  [`${A}/agents/[id]/actions.ts#setAgentModeAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, to: 'draft_only' }) },
  [`${A}/agents/[id]/actions.ts#setAgentStatusAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, to: 'paused' }) },
  [`${A}/agents/[id]/grant-actions.ts#addGrantAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, tool: s.toolName }) },
  [`${A}/agents/[id]/grants/[grantId]/actions.ts#checkGrantImpactAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, grantId: s.grantId, rules: RULES, days: 7 }) },
  [`${A}/agents/[id]/grants/[grantId]/actions.ts#approveGrantChangeAction`]: { allow: ADMINS, args: (s) => json({ agentId: s.agentId, changeRequestId: s.changeRequestId }) },
  [`${A}/agents/[id]/grants/[grantId]/actions.ts#rejectGrantChangeAction`]: { allow: ADMINS, args: (s) => json({ agentId: s.agentId, changeRequestId: s.changeRequestId, note: 'matrix' }) },
  [`${A}/agents/[id]/grants/[grantId]/actions.ts#revokeGrantAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, grantId: s.grantId }) },
  [`${A}/agents/[id]/grants/[grantId]/actions.ts#saveGrantAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, grantId: s.grantId, expectedVersion: 1, rules: { ...RULES, approvals: 2 } }) },
  [`${A}/agents/[id]/key-actions.ts#createKeyAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, label: 'matrix' }) },
  [`${A}/agents/[id]/key-actions.ts#revokeKeyAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, keyId: s.keyId }) },
  [`${A}/agents/[id]/key-actions.ts#rotateKeyAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, keyId: s.keyId, overlapMinutes: 0 }) },
  [`${A}/agents/[id]/key-actions.ts#setRequesterKeyAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, key: null }) },
  [`${A}/agents/[id]/simulator-actions.ts#simulateCallAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, tool: s.toolName, params: { title: 'matrix', priority: 1 } }) },
  [`${A}/agents/actions.ts#createAgentAction`]: { allow: ADMINS, args: (s) => json({ name: `matrix-${Date.now()}`, ownerId: s.ownerId, purpose: 'matrix' }) },
  [`${A}/agents/[id]/actions.ts#updateAgentAction`]: { allow: CONTROLLERS, args: (s) => json({ agentId: s.agentId, expectedVersion: 1, fields: { purpose: 'changed by the matrix' } }) },
  [`${A}/agents/[id]/actions.ts#archiveAgentAction`]: { allow: ADMINS, args: (s) => json({ agentId: s.agentId, expectedVersion: 1 }) },
  [`${A}/agents/actions.ts#stopAllAgents`]: { allow: ADMINS, args: () => json({ reason: 'matrix' }) },
  // Kill switches (issue 13): owners engage on their own agents; releasing global_stop needs switches.manage (the
  // wrong password answers the admin, which is a let-through, not a refusal).
  [`${A}/controls/actions.ts#engageSwitchAction`]: { allow: CONTROLLERS, args: (s) => json({ scope: 'agent', agent: s.agentId, effect: 'review-all', reason: 'matrix' }) },
  [`${A}/controls/actions.ts#releaseSwitchAction`]: { allow: ADMINS, args: () => json({ id: 'global_stop', reason: 'matrix', password: 'not-the-password' }) },
  [`${A}/audit/actions.ts#verifyAuditChainNow`]: { allow: ADMINS, args: () => json() },
  [`${A}/floors/actions.ts#setApprovalFloorAction`]: { allow: ADMINS, args: (s) => json({ scope: 'tool', tool: s.toolName, minApprovals: 1 }) },
  [`${A}/notifications/actions.ts#createChannelAction`]: { allow: ADMINS, args: (s) => json({ name: `matrix-${Date.now()}`, kind: 'webhook', url: 'https://hooks.example.test/new', groupId: s.groupId }) },
  [`${A}/notifications/actions.ts#sendTestNotificationAction`]: { allow: ADMINS, args: (s) => json({ channelId: s.channelId }) },
  [`${A}/notifications/actions.ts#setChannelOversightAction`]: { allow: ADMINS, args: (s) => json({ channelId: s.channelId, oversight: ['switches'] }) },
  [`${A}/notifications/actions.ts#setChannelEnabledAction`]: { allow: ADMINS, args: (s) => json({ channelId: s.channelId, enabled: false }) },
  [`${A}/queue/actions.ts#decideActions`]: { allow: DECIDERS, args: (s) => json({ actionIds: [s.actionId], decision: 'rejected', comment: 'matrix' }) },
  [`${A}/reviewers/actions.ts#addGroupMemberAction`]: { allow: ADMINS, args: (s) => json({ groupId: s.groupId, userId: s.memberId }) },
  [`${A}/reviewers/actions.ts#createReviewerGroupAction`]: { allow: ADMINS, args: () => json({ name: `matrix-${Date.now()}` }) },
  [`${A}/reviewers/actions.ts#deleteReviewerGroupAction`]: { allow: ADMINS, args: (s) => json({ groupId: s.groupId }) },
  [`${A}/reviewers/actions.ts#removeGroupMemberAction`]: { allow: ADMINS, args: (s) => json({ groupId: s.groupId, userId: s.memberId }) },
  [`${A}/reviewers/actions.ts#updateReviewerGroupAction`]: { allow: ADMINS, args: (s) => json({ groupId: s.groupId, description: 'changed by the matrix' }) },
  [`${A}/users/actions.ts#inviteUserAction`]: { allow: ADMINS, args: () => json({ email: `matrix-${Date.now()}@warden.test`, name: 'Matrix Invitee', roles: ['viewer'] }) },
  [`${A}/users/actions.ts#setUserRolesAction`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId, roles: ['reviewer', 'viewer'] }) },
  [`${A}/users/actions.ts#setUserDisabledAction`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId, disabled: false }) },
  [`${A}/users/actions.ts#resetUserPasswordAction`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId }) },
  [`${A}/users/actions.ts#signOutEverywhereAction`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId }) },
  // Every signed-in person, about themselves.
  [`${A}/account/actions.ts#signOutMyselfEverywhereAction`]: { allow: READERS, args: () => json(), endsOwnSessions: true },
  ['app/(auth)/change-password/actions.ts#changeOwnPasswordAction']: {
    allow: READERS,
    args: () => json({ currentPassword: 'not-the-password', newPassword: 'a-new-password-for-the-matrix', confirmPassword: 'a-new-password-for-the-matrix' }),
  },
  [`${A}/tools/actions.ts#createToolAction`]: {
    allow: ADMINS,
    args: () => json({ name: `matrix_${Date.now()}`, description: 'matrix tool', actionLevel: 'read', parameters: { type: 'object' } }),
  },
  [`${A}/tools/actions.ts#setToolEnabledAction`]: { allow: ADMINS, args: (s) => json({ toolId: s.toolId, enabled: false }) },
  // Rollback (issue 13 §4): admins (actions.rollback). The subject's action is pending, so an admin gets the domain's
  // "only an action that succeeded" and the grants have nothing to restore: let through, changing nothing.
  [`${A}/actions/[id]/rollback-actions.ts#requestRollbackForm`]: { allow: ADMINS, args: (s) => ({ form: { actionId: s.actionId, note: 'matrix' } }) },
  [`${A}/actions/[id]/rollback-actions.ts#recordManualRollbackForm`]: { allow: ADMINS, args: (s) => ({ form: { actionId: s.actionId, note: 'matrix' } }) },
  [`${A}/agents/[id]/restore-grants-actions.ts#previewGrantRestoreAction`]: { allow: ADMINS, args: (s) => json({ agentId: s.agentId, asOf: new Date(Date.now() - 60_000).toISOString() }) },
  [`${A}/agents/[id]/restore-grants-actions.ts#restoreGrantsAction`]: { allow: ADMINS, args: (s) => json({ agentId: s.agentId, asOf: new Date(Date.now() - 60_000).toISOString() }) },
  // Incidents (issue 13 §3): admins only. The subject's incident is open with no containment, so nothing here stops
  // the subject's agent.
  [`${A}/incidents/actions.ts#openIncidentAction`]: { allow: ADMINS, args: (s) => json({ title: 'matrix', agents: [s.agentId], windowStart: new Date(Date.now() - 60_000).toISOString() }) },
  [`${A}/incidents/[id]/layout-actions.ts#closeIncidentAction`]: { allow: ADMINS, args: (s) => json({ id: s.incidentId, resolution: 'closed by the matrix' }) },
  [`${A}/incidents/[id]/notes/actions.ts#addIncidentNoteAction`]: { allow: ADMINS, args: (s) => json({ id: s.incidentId, body: 'matrix note' }) },
  [`${A}/incidents/[id]/notes/actions.ts#setIncidentFallbackAction`]: { allow: ADMINS, args: (s) => json({ id: s.incidentId, manualFallback: 'matrix fallback' }) },
  // The return to normal (issue 13 §3): admins only. The subject's request was asked by another admin, so the matrix's
  // admin approves or rejects it for real; asking again (one waits already), cancelling another's request and the
  // single-admin release (the matrix has many admins) are the domain's conflicts: let through, changing nothing.
  [`${A}/incidents/[id]/recovery/actions.ts#requestIncidentReturnAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.returnIncidentId, reason: 'matrix' }) },
  [`${A}/incidents/[id]/recovery/actions.ts#approveIncidentReturnAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId, note: 'matrix' }) },
  [`${A}/incidents/[id]/recovery/actions.ts#rejectIncidentReturnAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId, note: 'matrix' }) },
  [`${A}/incidents/[id]/recovery/actions.ts#cancelIncidentReturnAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId }) },
  [`${A}/incidents/[id]/recovery/actions.ts#releaseIncidentAloneAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.returnIncidentId, reason: 'matrix', password: 'not-the-password' }) },
  // The global stop's release on Controls: the stop is not engaged here, so asking is "nothing to release".
  [`${A}/controls/return-to-normal-actions.ts#requestGlobalStopReleaseAction`]: { allow: ADMINS, args: () => json({ reason: 'matrix' }) },
  [`${A}/controls/return-to-normal-actions.ts#approveGlobalStopReleaseAction`]: { allow: ADMINS, args: (s) => json({ requestId: s.returnRequestId, note: 'matrix' }) },
  [`${A}/controls/return-to-normal-actions.ts#rejectGlobalStopReleaseAction`]: { allow: ADMINS, args: (s) => json({ requestId: s.returnRequestId, note: 'matrix' }) },
  [`${A}/controls/return-to-normal-actions.ts#cancelGlobalStopReleaseAction`]: { allow: ADMINS, args: (s) => json({ requestId: s.returnRequestId }) },
  [`${A}/controls/return-to-normal-actions.ts#releaseGlobalStopAloneAction`]: { allow: ADMINS, args: () => json({ reason: 'matrix', password: 'not-the-password' }) },
  // The workbench (issue 13 §3): the subject's pending action is in its incident's window. A mark changes nothing of
  // the action; the rollback request is refused per action inside the result ("only an action that succeeded"); the
  // replay records nothing.
  [`${A}/incidents/[id]/actions.ts#markIncidentActionsAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.incidentId, actionIds: [s.actionId], mark: 'needs_follow_up', note: 'matrix' }) },
  [`${A}/incidents/[id]/actions.ts#requestIncidentRollbacksAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.incidentId, actionIds: [s.actionId], note: 'matrix' }) },
  [`${A}/incidents/[id]/replay/actions.ts#replayIncidentAction`]: { allow: ADMINS, args: (s) => json({ incidentId: s.incidentId, grantId: s.grantId, rules: { approvals: 1 } }) },
  [`${A}/tools/actions.ts#updateToolAction`]: { allow: ADMINS, args: (s) => json({ toolId: s.toolId, fields: { description: 'changed', actionLevel: 'create', parameters: { type: 'object' } } }) },
};
