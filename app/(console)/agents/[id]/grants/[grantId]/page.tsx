import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { describeGrantRules } from '@/lib/policy/grant-rule-summary';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { getGrantDetail } from '@/lib/grants/get-grant-detail';
import { orNotFound } from '../../../../errors';
import { requireUser } from '../../../../require-user';
import { GrantEditor } from './grant-editor';
import { GrantHistory } from './grant-history';
import { HeldChanges } from './held-changes';
import { RevokeGrantButton } from './revoke-grant-button';

export const metadata: Metadata = { title: 'Grant' };

export default async function GrantPage({ params }: { params: Promise<{ id: string; grantId: string }> }) {
  const actor = await requireUser();
  const { id, grantId } = await params;
  const grant = await orNotFound(getGrantDetail(actor, { agentId: id, grantId }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/agents/${grant.agent.id}`} className="text-indigo-700 hover:underline">
          ← {grant.agent.name}
        </Link>
      </p>
      <PageHeader
        title={`Grant: ${grant.tool.name}`}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <ActionLevelBadge level={grant.tool.actionLevel} supportsRollback={grant.tool.supportsRollback} />
            {grant.tool.enabled ? null : <Badge tone="gray">Tool disabled</Badge>}
            <span>
              to {grant.agent.name} ({grant.agent.environment}) · version {grant.version}
            </span>
          </div>
        }
        actions={
          grant.viewerCanControl ? (
            <RevokeGrantButton agentId={grant.agent.id} grantId={grant.id} tool={grant.tool.name} />
          ) : null
        }
      />
      <div className="flex flex-col gap-6">
        <HeldChanges agentId={grant.agent.id} changes={grant.heldChanges} canDecide={grant.viewerCanGovern} />
        <Card aria-labelledby="grant-rules">
          <CardHeader
            id="grant-rules"
            title="Rules"
            description={describeGrantRules(grant.rules, grant.groupNames).join(' · ')}
          />
          <CardBody>
            <p className="mb-4 text-sm text-gray-700">
              Admin floor: {grant.floor.message.replace(' (admin floor)', '')}.{' '}
              {grant.viewerCanGovern ? (
                <Link href="/floors" className="text-indigo-700 hover:underline">
                  Change floors
                </Link>
              ) : (
                'Changes that loosen this grant wait for an admin.'
              )}
            </p>
            {grant.viewerCanControl ? (
              <GrantEditor
                agentId={grant.agent.id}
                grantId={grant.id}
                version={grant.version}
                rules={grant.rules}
                params={grant.paramPaths}
                groups={grant.reviewerGroups}
                canGovern={grant.viewerCanGovern}
              />
            ) : (
              <p className="text-sm text-gray-700">Only the agent&apos;s owner or an admin can change this grant.</p>
            )}
          </CardBody>
        </Card>
        <Card aria-labelledby="grant-history">
          <CardHeader
            id="grant-history"
            title="Change history"
            description="Every change to this grant, newest first. Times are UTC."
          />
          <GrantHistory changes={grant.changes} groupNames={grant.groupNames} />
        </Card>
      </div>
    </>
  );
}
