import type { Metadata } from 'next';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { listEligibleReviewers } from '@/lib/review-groups/list-eligible-reviewers';
import { listReviewerGroups } from '@/lib/review-groups/list-reviewer-groups';
import { requireUser } from '../require-user';
import { CreateGroupForm } from './create-group-form';
import { GroupCard } from './group-card';

export const metadata: Metadata = { title: 'Reviewers' };

export default async function ReviewersPage() {
  const actor = await requireUser();
  const canManage = can(actor, 'reviewers.manage');
  const [groups, eligible] = await Promise.all([
    listReviewerGroups(actor),
    canManage ? listEligibleReviewers(actor) : Promise.resolve([]),
  ]);

  return (
    <>
      <PageHeader
        title="Reviewer groups"
        description="Teams of reviewers (Finance, Security, …). A grant can require one approval from each of several groups, ask one group first, and escalate to the next."
      />
      <div className="flex flex-col gap-6">
        {canManage ? (
          <Card aria-labelledby="create-group">
            <CardHeader id="create-group" title="Create group" />
            <CardBody>
              <CreateGroupForm />
            </CardBody>
          </Card>
        ) : (
          <p className="text-sm text-gray-700">Only admins can create groups and change their members.</p>
        )}
        {groups.length === 0 ? (
          <Card>
            <EmptyState
              title="No reviewer groups yet"
              description={
                canManage
                  ? 'Create one above, then add the reviewers who belong to it.'
                  : 'An admin has not created any reviewer groups yet.'
              }
            />
          </Card>
        ) : (
          <ul className="grid gap-6 lg:grid-cols-2">
            {groups.map((group) => (
              <li key={group.id} className="min-w-0">
                <GroupCard
                  group={group}
                  canManage={canManage}
                  candidates={eligible.filter((user) => !group.members.some((member) => member.id === user.id))}
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
