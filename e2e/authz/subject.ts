// What the matrix's requests act on: an agent of the matrix's owner with a key, a granted tool, a pending action,
// a reviewer group and a notification channel. A server action gets a fresh subject, since an allowed call changes it.
import { agentClient } from '../fixtures/agent-client';
import {
  createTestAgent,
  createTestAgentKey,
  createTestTool,
  createTestUser,
  grantTestTool,
  SETUP,
  uniqueName,
  type TestUser,
} from '../fixtures/factories';
import { openTestIncident } from '../fixtures/return-to-normal';
import { proposeTicket } from '../fixtures/scenarios';
import { appModule } from '../fixtures/app-module';

const { db } = appModule<typeof import('@/lib/db/client')>('@/lib/db/client');
const { updateGrant } = appModule<typeof import('@/lib/grants/update-grant')>('@/lib/grants/update-grant');
const { createChannel } = appModule<typeof import('@/lib/notifications/create-channel')>(
  '@/lib/notifications/create-channel',
);
const { createReviewerGroup } = appModule<typeof import('@/lib/review-groups/create-reviewer-group')>(
  '@/lib/review-groups/create-reviewer-group',
);
const { addGroupMember } = appModule<typeof import('@/lib/review-groups/add-group-member')>(
  '@/lib/review-groups/add-group-member',
);
const { requestReturnToNormal } = appModule<typeof import('@/lib/return-to-normal/request-return-to-normal')>(
  '@/lib/return-to-normal/request-return-to-normal',
);

export type Subject = {
  agentId: string;
  ownerId: string;
  toolId: string;
  toolName: string;
  grantId: string;
  actionId: string;
  actionCreatedAt: string;
  keyId: string;
  groupId: string;
  channelId: string;
  memberId: string;
  /** The owner's held loosening of the grant (approvals 1 → 0), waiting for an admin. */
  changeRequestId: string;
  /** A draft of a draft-only agent of the same owner, undecided. */
  draftId: string;
  /** An open incident on the subject's agent, with no containment (so the agent keeps working). */
  incidentId: string;
  /** Another incident, on another agent of the owner (review-all), with a return to normal asked by another admin. */
  returnIncidentId: string;
  returnRequestId: string;
};

/** `member` is a reviewer of the subject's own, in its group: the people actions change them, not a caller. */
export async function createSubject(baseURL: string, owner: TestUser): Promise<Subject> {
  const member = await createTestUser(['reviewer'], 'Matrix Member');
  const agent = await createTestAgent({ owner });
  const tool = await createTestTool();
  const grant = await grantTestTool(agent, tool, true);
  const { key, keyId } = await createTestAgentKey(agent);
  const actionId = await proposeTicket(agentClient(baseURL, key), tool, 'pending_review');
  const action = await db().action.findUniqueOrThrow({ where: { id: actionId } });
  const group = await createReviewerGroup(SETUP, { name: uniqueName('matrix'), description: 'authorization matrix' });
  await addGroupMember(SETUP, { groupId: group.id, userId: member.id });
  // Scoped to the subject's own group: a channel for every group would be sent every other spec's proposals.
  const { channel } = await createChannel(SETUP, {
    name: uniqueName('matrix-channel'),
    kind: 'webhook',
    url: 'https://hooks.example.test/warden',
    groupId: group.id,
  });
  await updateGrant(owner.actor, {
    grantId: grant.id,
    expectedVersion: 1,
    rules: { approvals: 0 },
    confirmLoosening: true,
  });
  const held = await db().grantChangeRequest.findFirstOrThrow({ where: { grantId: grant.id, status: 'pending' } });
  const drafter = await createTestAgent({ owner, mode: 'draft_only' });
  await grantTestTool(drafter, tool, true);
  const draftId = await proposeTicket(agentClient(baseURL, (await createTestAgentKey(drafter)).key), tool, 'draft');
  const { openIncident } = appModule<typeof import('@/lib/incidents/open-incident')>('@/lib/incidents/open-incident');
  const incident = await openIncident(SETUP, {
    title: uniqueName('matrix incident'),
    agents: [agent.id],
    windowStart: new Date(Date.now() - 3600_000),
  });
  const contained = await openTestIncident([await createTestAgent({ owner })], ['review-all']);
  const requester = await createTestUser(['admin'], 'Matrix Requesting Admin');
  const returnRequest = await requestReturnToNormal(requester.actor, {
    target: { incidentId: contained.id },
    reason: 'matrix',
  });
  return {
    changeRequestId: held.id,
    draftId,
    incidentId: incident.id,
    returnIncidentId: contained.id,
    returnRequestId: returnRequest.id,
    agentId: agent.id,
    ownerId: owner.id,
    toolId: tool.id,
    toolName: tool.name,
    grantId: grant.id,
    actionId,
    actionCreatedAt: action.createdAt.toISOString(),
    keyId,
    groupId: group.id,
    channelId: channel.id,
    memberId: member.id,
  };
}

/** Which subject id fills a route's dynamic segment, by the route's first segment. */
const SEGMENT_IDS: Record<string, Record<string, keyof Subject>> = {
  actions: { '[id]': 'actionId' },
  agents: { '[id]': 'agentId', '[grantId]': 'grantId' },
  tools: { '[id]': 'toolId' },
  incidents: { '[id]': 'incidentId' },
  api: { '[id]': 'actionId', '[...nextauth]': 'actionId' },
};

/** `/agents/[id]/grants/[grantId]` → `/agents/<agentId>/grants/<grantId>`; throws for a segment the table lacks. */
export function fillPath(pattern: string, subject: Subject): string {
  if (pattern === '/api/auth/[...nextauth]') return '/api/auth/session';
  const first = pattern.split('/')[1];
  return pattern.replace(/\[[^\]]+\]/g, (segment) => {
    const key = SEGMENT_IDS[first]?.[segment];
    if (!key)
      throw new Error(
        `The authorization matrix does not know what fills ${segment} in ${pattern}: add it to SEGMENT_IDS`,
      );
    return encodeURIComponent(subject[key]);
  });
}
