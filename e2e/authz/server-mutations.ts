// Who may call each server mutation (a Next server action) of the build, keyed `<file>#<export>`, with arguments
// valid for the subject so that an allowed caller gets through to the domain.
import type { ActionArgs, ServerActionRule } from './rules';
import { ADMINS, CONTROLLERS, DECIDERS, READERS } from './rules';

const json = (...args: unknown[]): ActionArgs => ({ json: args });
const A = 'app/(console)';
const RULES = { approvals: 1, constraints: [] };

export const SERVER_MUTATIONS: Record<string, ServerActionRule> = {
  [`${A}/actions/[id]/mutations.ts#reviewActionMutation`]: {
    allow: DECIDERS,
    args: (s) => ({ form: { actionId: s.actionId, decision: 'reject', comment: 'matrix' } }),
  },
  [`${A}/actions/[id]/mutations.ts#escalateActionMutation`]: {
    allow: DECIDERS,
    args: (s) => ({ form: { actionId: s.actionId, groupId: s.groupId, note: 'matrix' } }),
  },
  [`${A}/actions/[id]/mutations.ts#findNextPendingActionMutation`]: {
    allow: READERS,
    args: (s) => json({ actionId: s.actionId, createdAt: s.actionCreatedAt }),
  },
  // Drafts (issue 13 §2): reviewers, admins and the agent's own owner; never another owner or a viewer.
  [`${A}/actions/[id]/draft-mutations.ts#promoteDraftMutation`]: {
    allow: ['reviewer', 'owner', 'admin'],
    args: (s) => json({ draftId: s.draftId }),
  },
  [`${A}/actions/[id]/draft-mutations.ts#discardDraftMutation`]: {
    allow: ['reviewer', 'owner', 'admin'],
    args: (s) => json({ draftId: s.draftId }),
  },
  [`${A}/actions/[id]/mutations.ts#recordActionOpenedMutation`]: {
    allow: DECIDERS,
    args: (s) => json({ actionId: s.actionId }),
  },
  [`${A}/actions/[id]/edit/mutations.ts#editAndApproveMutation`]: {
    allow: DECIDERS,
    args: (s) => ({
      form: { actionId: s.actionId, version: '1', params: JSON.stringify({ title: 'edited', priority: 3 }) },
    }),
  },
  [`${A}/agents/[id]/mutations.ts#setAgentModeMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, to: 'draft_only' }),
  },
  [`${A}/agents/[id]/mutations.ts#setAgentStatusMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, to: 'paused' }),
  },
  [`${A}/agents/[id]/grant-mutations.ts#addGrantMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, tool: s.toolName }),
  },
  [`${A}/agents/[id]/grants/[grantId]/mutations.ts#checkGrantImpactMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, grantId: s.grantId, rules: RULES, days: 7 }),
  },
  [`${A}/agents/[id]/grants/[grantId]/mutations.ts#approveGrantChangeMutation`]: {
    allow: ADMINS,
    args: (s) => json({ agentId: s.agentId, changeRequestId: s.changeRequestId }),
  },
  [`${A}/agents/[id]/grants/[grantId]/mutations.ts#rejectGrantChangeMutation`]: {
    allow: ADMINS,
    args: (s) => json({ agentId: s.agentId, changeRequestId: s.changeRequestId, note: 'matrix' }),
  },
  [`${A}/agents/[id]/grants/[grantId]/mutations.ts#revokeGrantMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, grantId: s.grantId }),
  },
  [`${A}/agents/[id]/grants/[grantId]/mutations.ts#saveGrantMutation`]: {
    allow: CONTROLLERS,
    args: (s) =>
      json({ agentId: s.agentId, grantId: s.grantId, expectedVersion: 1, rules: { ...RULES, approvals: 2 } }),
  },
  [`${A}/agents/[id]/key-mutations.ts#createKeyMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, label: 'matrix' }),
  },
  [`${A}/agents/[id]/key-mutations.ts#revokeKeyMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, keyId: s.keyId }),
  },
  [`${A}/agents/[id]/key-mutations.ts#rotateKeyMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, keyId: s.keyId, overlapMinutes: 0 }),
  },
  [`${A}/agents/[id]/key-mutations.ts#setRequesterKeyMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, key: null }),
  },
  [`${A}/agents/[id]/simulator-mutations.ts#simulateCallMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, tool: s.toolName, params: { title: 'matrix', priority: 1 } }),
  },
  [`${A}/agents/mutations.ts#createAgentMutation`]: {
    allow: ADMINS,
    args: (s) => json({ name: `matrix-${Date.now()}`, ownerId: s.ownerId, purpose: 'matrix' }),
  },
  [`${A}/agents/[id]/mutations.ts#updateAgentMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ agentId: s.agentId, expectedVersion: 1, fields: { purpose: 'changed by the matrix' } }),
  },
  [`${A}/agents/[id]/mutations.ts#archiveAgentMutation`]: {
    allow: ADMINS,
    args: (s) => json({ agentId: s.agentId, expectedVersion: 1 }),
  },
  [`${A}/agents/mutations.ts#stopAllAgentsMutation`]: { allow: ADMINS, args: () => json({ reason: 'matrix' }) },
  // Kill switches (issue 13): owners engage on their own agents; releasing global_stop needs switches.manage (the
  // wrong password answers the admin, which is a let-through, not a refusal).
  [`${A}/controls/mutations.ts#engageSwitchMutation`]: {
    allow: CONTROLLERS,
    args: (s) => json({ scope: 'agent', agent: s.agentId, effect: 'review-all', reason: 'matrix' }),
  },
  [`${A}/controls/mutations.ts#releaseSwitchMutation`]: {
    allow: ADMINS,
    args: () => json({ id: 'global_stop', reason: 'matrix', password: 'not-the-password' }),
  },
  [`${A}/audit/mutations.ts#verifyAuditChainMutation`]: { allow: ADMINS, args: () => json() },
  [`${A}/floors/mutations.ts#setApprovalFloorMutation`]: {
    allow: ADMINS,
    args: (s) => json({ scope: 'tool', tool: s.toolName, minApprovals: 1 }),
  },
  [`${A}/notifications/mutations.ts#createChannelMutation`]: {
    allow: ADMINS,
    args: (s) =>
      json({
        name: `matrix-${Date.now()}`,
        kind: 'webhook',
        url: 'https://hooks.example.test/new',
        groupId: s.groupId,
      }),
  },
  [`${A}/notifications/mutations.ts#sendTestNotificationMutation`]: {
    allow: ADMINS,
    args: (s) => json({ channelId: s.channelId }),
  },
  [`${A}/notifications/mutations.ts#setChannelOversightMutation`]: {
    allow: ADMINS,
    args: (s) => json({ channelId: s.channelId, oversight: ['switches'] }),
  },
  [`${A}/notifications/mutations.ts#setChannelEnabledMutation`]: {
    allow: ADMINS,
    args: (s) => json({ channelId: s.channelId, enabled: false }),
  },
  [`${A}/queue/mutations.ts#reviewActionsMutation`]: {
    allow: DECIDERS,
    args: (s) => json({ actionIds: [s.actionId], decision: 'rejected', comment: 'matrix' }),
  },
  [`${A}/reviewers/mutations.ts#addGroupMemberMutation`]: {
    allow: ADMINS,
    args: (s) => json({ groupId: s.groupId, userId: s.memberId }),
  },
  [`${A}/reviewers/mutations.ts#createReviewerGroupMutation`]: {
    allow: ADMINS,
    args: () => json({ name: `matrix-${Date.now()}` }),
  },
  [`${A}/reviewers/mutations.ts#deleteReviewerGroupMutation`]: {
    allow: ADMINS,
    args: (s) => json({ groupId: s.groupId }),
  },
  [`${A}/reviewers/mutations.ts#removeGroupMemberMutation`]: {
    allow: ADMINS,
    args: (s) => json({ groupId: s.groupId, userId: s.memberId }),
  },
  [`${A}/reviewers/mutations.ts#updateReviewerGroupMutation`]: {
    allow: ADMINS,
    args: (s) => json({ groupId: s.groupId, description: 'changed by the matrix' }),
  },
  [`${A}/users/mutations.ts#inviteUserMutation`]: {
    allow: ADMINS,
    args: () => json({ email: `matrix-${Date.now()}@warden.test`, name: 'Matrix Invitee', roles: ['viewer'] }),
  },
  [`${A}/users/mutations.ts#setUserRolesMutation`]: {
    allow: ADMINS,
    args: (s) => json({ userId: s.memberId, roles: ['reviewer', 'viewer'] }),
  },
  [`${A}/users/mutations.ts#setUserDisabledMutation`]: {
    allow: ADMINS,
    args: (s) => json({ userId: s.memberId, disabled: false }),
  },
  [`${A}/users/mutations.ts#resetUserPasswordMutation`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId }) },
  [`${A}/users/mutations.ts#signOutEverywhereMutation`]: { allow: ADMINS, args: (s) => json({ userId: s.memberId }) },
  // Every signed-in person, about themselves.
  [`${A}/account/mutations.ts#signOutMyselfEverywhereMutation`]: {
    allow: READERS,
    args: () => json(),
    endsOwnSessions: true,
  },
  ['app/(auth)/change-password/mutations.ts#changeOwnPasswordMutation']: {
    allow: READERS,
    args: () =>
      json({
        currentPassword: 'not-the-password',
        newPassword: 'a-new-password-for-the-matrix',
        confirmPassword: 'a-new-password-for-the-matrix',
      }),
  },
  [`${A}/tools/mutations.ts#createToolMutation`]: {
    allow: ADMINS,
    args: () =>
      json({
        name: `matrix_${Date.now()}`,
        description: 'matrix tool',
        actionLevel: 'read',
        parameters: { type: 'object' },
      }),
  },
  [`${A}/tools/mutations.ts#setToolEnabledMutation`]: {
    allow: ADMINS,
    args: (s) => json({ toolId: s.toolId, enabled: false }),
  },
  // Rollback (issue 13 §4): admins (actions.rollback). The subject's action is pending, so an admin gets the domain's
  // "only an action that succeeded" and the grants have nothing to restore: let through, changing nothing.
  [`${A}/actions/[id]/rollback-mutations.ts#requestRollbackMutation`]: {
    allow: ADMINS,
    args: (s) => ({ form: { actionId: s.actionId, note: 'matrix' } }),
  },
  [`${A}/actions/[id]/rollback-mutations.ts#recordManualRollbackMutation`]: {
    allow: ADMINS,
    args: (s) => ({ form: { actionId: s.actionId, note: 'matrix' } }),
  },
  [`${A}/agents/[id]/restore-grants-mutations.ts#previewGrantRestoreMutation`]: {
    allow: ADMINS,
    args: (s) => json({ agentId: s.agentId, asOf: new Date(Date.now() - 60_000).toISOString() }),
  },
  [`${A}/agents/[id]/restore-grants-mutations.ts#restoreGrantsMutation`]: {
    allow: ADMINS,
    args: (s) => json({ agentId: s.agentId, asOf: new Date(Date.now() - 60_000).toISOString() }),
  },
  // Incidents (issue 13 §3): admins only. The subject's incident is open with no containment, so nothing here stops
  // the subject's agent.
  [`${A}/incidents/mutations.ts#openIncidentMutation`]: {
    allow: ADMINS,
    args: (s) =>
      json({ title: 'matrix', agents: [s.agentId], windowStart: new Date(Date.now() - 60_000).toISOString() }),
  },
  [`${A}/incidents/[id]/layout-mutations.ts#closeIncidentMutation`]: {
    allow: ADMINS,
    args: (s) => json({ id: s.incidentId, resolution: 'closed by the matrix' }),
  },
  [`${A}/incidents/[id]/notes/mutations.ts#addIncidentNoteMutation`]: {
    allow: ADMINS,
    args: (s) => json({ id: s.incidentId, body: 'matrix note' }),
  },
  [`${A}/incidents/[id]/notes/mutations.ts#setIncidentFallbackMutation`]: {
    allow: ADMINS,
    args: (s) => json({ id: s.incidentId, manualFallback: 'matrix fallback' }),
  },
  // The return to normal (issue 13 §3): admins only. The subject's request was asked by another admin, so the matrix's
  // admin approves or rejects it for real; asking again (one waits already), cancelling another's request and the
  // single-admin release (the matrix has many admins) are the domain's conflicts: let through, changing nothing.
  [`${A}/incidents/[id]/recovery/mutations.ts#requestIncidentReturnMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.returnIncidentId, reason: 'matrix' }),
  },
  [`${A}/incidents/[id]/recovery/mutations.ts#approveIncidentReturnMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId, note: 'matrix' }),
  },
  [`${A}/incidents/[id]/recovery/mutations.ts#rejectIncidentReturnMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId, note: 'matrix' }),
  },
  [`${A}/incidents/[id]/recovery/mutations.ts#cancelIncidentReturnMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.returnIncidentId, requestId: s.returnRequestId }),
  },
  [`${A}/incidents/[id]/recovery/mutations.ts#releaseIncidentAloneMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.returnIncidentId, reason: 'matrix', password: 'not-the-password' }),
  },
  // The global stop's release on Controls: the stop is not engaged here, so asking is "nothing to release".
  [`${A}/controls/return-to-normal-mutations.ts#requestGlobalStopReleaseMutation`]: {
    allow: ADMINS,
    args: () => json({ reason: 'matrix' }),
  },
  [`${A}/controls/return-to-normal-mutations.ts#approveGlobalStopReleaseMutation`]: {
    allow: ADMINS,
    args: (s) => json({ requestId: s.returnRequestId, note: 'matrix' }),
  },
  [`${A}/controls/return-to-normal-mutations.ts#rejectGlobalStopReleaseMutation`]: {
    allow: ADMINS,
    args: (s) => json({ requestId: s.returnRequestId, note: 'matrix' }),
  },
  [`${A}/controls/return-to-normal-mutations.ts#cancelGlobalStopReleaseMutation`]: {
    allow: ADMINS,
    args: (s) => json({ requestId: s.returnRequestId }),
  },
  [`${A}/controls/return-to-normal-mutations.ts#releaseGlobalStopAloneMutation`]: {
    allow: ADMINS,
    args: () => json({ reason: 'matrix', password: 'not-the-password' }),
  },
  // The workbench (issue 13 §3): the subject's pending action is in its incident's window. A mark changes nothing of
  // the action; the rollback request is refused per action inside the result ("only an action that succeeded"); the
  // replay records nothing.
  [`${A}/incidents/[id]/mutations.ts#markIncidentActionsMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.incidentId, actionIds: [s.actionId], mark: 'needs_follow_up', note: 'matrix' }),
  },
  [`${A}/incidents/[id]/mutations.ts#requestIncidentRollbacksMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.incidentId, actionIds: [s.actionId], note: 'matrix' }),
  },
  [`${A}/incidents/[id]/replay/mutations.ts#replayIncidentMutation`]: {
    allow: ADMINS,
    args: (s) => json({ incidentId: s.incidentId, grantId: s.grantId, rules: { approvals: 1 } }),
  },
  [`${A}/tools/mutations.ts#updateToolMutation`]: {
    allow: ADMINS,
    args: (s) =>
      json({
        toolId: s.toolId,
        fields: { description: 'changed', actionLevel: 'create', parameters: { type: 'object' } },
      }),
  },
  // The MCP gateway (issue 15): admins (mcp.manage). Registration points at a closed loopback port (registered,
  // unreachable); refresh and review name no such server or change: the admin gets the domain's "No such …".
  [`${A}/mcp-servers/mutations.ts#registerMcpServerMutation`]: {
    allow: ADMINS,
    args: () => ({
      form: {
        name: `matrix_${Math.random().toString(36).slice(2, 10)}`,
        url: 'http://127.0.0.1:9/mcp',
        credentials: '',
      },
    }),
  },
  [`${A}/mcp-servers/mutations.ts#refreshMcpServerMutation`]: {
    allow: ADMINS,
    args: () => json({ serverId: 'no-such-server' }),
  },
  [`${A}/mcp-servers/mutations.ts#reviewMcpToolChangeMutation`]: {
    allow: ADMINS,
    args: () => json({ changeId: 'no-such-change', decision: 'dismiss' }),
  },
};
