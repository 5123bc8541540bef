import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { ReviewerGroupView } from '@/lib/review-groups/list-reviewer-groups';
import { DeleteGroupButton } from './delete-group-button';
import { EditGroupForm } from './edit-group-form';
import { AddMemberForm, RemoveMemberButton } from './member-controls';

type Candidate = { id: string; name: string; email: string };

/** One group: its members, how many calls wait for it, and (for admins) add, remove, rename, delete. */
export function GroupCard({
  group,
  canManage,
  candidates,
}: {
  group: ReviewerGroupView;
  canManage: boolean;
  candidates: Candidate[];
}) {
  const headingId = `group-${group.id}`;
  return (
    <Card aria-labelledby={headingId} className="h-full">
      <CardHeader
        id={headingId}
        title={group.name}
        description={group.description || undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            <Badge tone="gray">
              {group.memberCount} member{group.memberCount === 1 ? '' : 's'}
            </Badge>
            {group.pendingCount > 0 ? <Badge tone="amber">{group.pendingCount} pending</Badge> : null}
          </div>
        }
      />
      <CardBody className="flex flex-col gap-4">
        {group.members.length === 0 ? (
          <p className="text-sm text-gray-600">
            No members yet: a grant that requires this group cannot be approved until someone joins.
          </p>
        ) : (
          <ul aria-label={`Members of ${group.name}`} className="divide-y divide-gray-100">
            {group.members.map((member) => (
              <li key={member.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <p className="font-medium break-words text-gray-900">
                    {member.name}
                    {member.disabled ? (
                      <Badge tone="gray" className="ml-2">
                        Disabled
                      </Badge>
                    ) : null}
                  </p>
                  <p className="break-all text-gray-600">{member.email}</p>
                </div>
                {canManage ? (
                  <RemoveMemberButton
                    groupId={group.id}
                    groupName={group.name}
                    userId={member.id}
                    userName={member.name}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canManage ? <AddMemberForm groupId={group.id} groupName={group.name} candidates={candidates} /> : null}
        {canManage ? (
          <EditGroupForm
            key={`${group.name}\n${group.description}`}
            groupId={group.id}
            name={group.name}
            description={group.description}
          />
        ) : null}
        {canManage ? (
          <DeleteGroupButton groupId={group.id} groupName={group.name} memberCount={group.memberCount} />
        ) : null}
      </CardBody>
    </Card>
  );
}
