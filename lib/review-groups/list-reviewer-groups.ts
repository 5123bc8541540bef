import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';

/**
 * Every reviewer group by name, with its members (by name) and counts: members, and pending actions that are with
 * the group now (asked first, or escalated to it). Readable by every signed-in person; changed only by admins.
 */
export async function listReviewerGroups(actor: Actor) {
  assertCan(actor, 'actions.read');
  const [groups, pending] = await Promise.all([
    db().reviewerGroup.findMany({
      orderBy: { name: 'asc' },
      include: { members: { include: { user: { select: { id: true, name: true, email: true, disabled: true } } } } },
    }),
    db().action.groupBy({
      by: ['assignedGroupId'],
      where: { status: 'pending_review', assignedGroupId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const pendingByGroup = new Map(pending.map((row) => [row.assignedGroupId, row._count._all]));
  return groups.map((group) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    createdAt: group.createdAt.toISOString(),
    members: group.members
      .map((member) => ({ ...member.user, addedAt: member.addedAt.toISOString() }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    memberCount: group.members.length,
    pendingCount: pendingByGroup.get(group.id) ?? 0,
  }));
}

export type ReviewerGroupView = Awaited<ReturnType<typeof listReviewerGroups>>[number];
