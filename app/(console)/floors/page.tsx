import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { UtcTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { listApprovalFloors } from '@/lib/floors/list-approval-floors';
import { listHeldGrantChanges } from '@/lib/grants/list-held-grant-changes';
import { ACTION_LEVEL_LABELS, type ActionLevel } from '@/lib/policy/action-levels';
import { approvalsWord } from '@/lib/policy/admin-floors';
import { requireUser } from '../require-user';
import { AddToolFloorForm } from './add-tool-floor-form';
import { FloorForm } from './floor-form';

export const metadata: Metadata = { title: 'Admin floors' };

export default async function FloorsPage() {
  const actor = await requireUser();
  const [floors, held] = await Promise.all([listApprovalFloors(actor), listHeldGrantChanges(actor)]);
  const levelName = (level: string) => ACTION_LEVEL_LABELS[level as ActionLevel].toLowerCase();
  const toolFloors = floors.tools.filter((tool) => tool.minApprovals !== null);

  return (
    <>
      <PageHeader
        title="Admin floors"
        description="The fewest approvals a grant must require. Owners cannot save a grant below its floor, and a change that loosens a grant waits for an admin. A tool's own floor can only raise its level's."
      />
      <div className="flex flex-col gap-6">
        {floors.viewerCanChange ? (
          <Card aria-labelledby="held-changes">
            <CardHeader
              id="held-changes"
              title="Grant changes waiting for approval"
              description="Owners' changes that loosen a grant. Open one to approve or reject it."
            />
            {held.length === 0 ? (
              <EmptyState title="Nothing waiting" />
            ) : (
              <ul className="divide-y divide-gray-100">
                {held.map((change) => (
                  <li key={change.id} className="px-4 py-3 text-sm sm:px-5">
                    <Link
                      href={`/agents/${change.agent.id}/grants/${change.grantId}`}
                      className="font-medium text-indigo-700 hover:underline"
                    >
                      {`${change.agent.name} → ${change.tool}`}
                    </Link>
                    <span className="text-gray-600">
                      {' '}
                      by {change.requestedBy}, <UtcTime iso={change.requestedAt} />
                      {change.stale ? ' · stale' : ''}
                    </span>
                    <p className="text-gray-800">{change.loosened.join(' · ')}</p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : (
          <p className="text-sm text-gray-700">Only admins can change floors. Your grants must meet them.</p>
        )}
        {floors.viewerCanChange && floors.belowFloor.length > 0 ? (
          <Card aria-labelledby="below-floor">
            <CardHeader
              id="below-floor"
              title="Grants below their floor"
              description="Saved before the floor was raised: they keep working as they are, and their next change must meet the floor."
            />
            <ul className="divide-y divide-gray-100">
              {floors.belowFloor.map((grant) => (
                <li key={grant.grantId} className="px-4 py-3 text-sm sm:px-5">
                  <Link
                    href={`/agents/${grant.agent.id}/grants/${grant.grantId}`}
                    className="font-medium text-indigo-700 hover:underline"
                  >
                    {`${grant.agent.name} → ${grant.tool}`}
                  </Link>
                  <span className="text-gray-700">{`: ${approvalsWord(grant.approvals)}, floor ${grant.floor}`}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card aria-labelledby="level-floors">
          <CardHeader
            id="level-floors"
            title="Action levels"
            description="Every grant of a tool at this level requires at least this many approvals."
          />
          <CardBody>
            <ul className="flex flex-col gap-4">
              {floors.levels.map((row) => (
                <li key={row.level} className="flex flex-col gap-1">
                  {floors.viewerCanChange ? (
                    <FloorForm
                      id={`floor-${row.level}`}
                      target={{ scope: 'level', actionLevel: row.level }}
                      label={`Minimum approvals for ${levelName(row.level)} tools`}
                      initial={row.minApprovals}
                      saveLabel={`Save ${levelName(row.level)} floor`}
                    />
                  ) : (
                    <p className="text-sm text-gray-900">{`${ACTION_LEVEL_LABELS[row.level]} tools: at least ${approvalsWord(row.minApprovals)}`}</p>
                  )}
                  <p className="text-xs text-gray-600">
                    {row.isDefault ? 'Built-in default.' : `Set by an admin (default ${row.defaultMin}).`}
                  </p>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
        <Card aria-labelledby="tool-floors">
          <CardHeader
            id="tool-floors"
            title="Tool floors"
            description="A floor of one tool's own, above its level's."
          />
          <CardBody className="flex flex-col gap-4">
            {toolFloors.length === 0 ? (
              <p className="text-sm text-gray-600">No tool has a floor of its own.</p>
            ) : (
              <ul className="flex flex-col gap-4">
                {toolFloors.map((tool) => (
                  <li key={tool.name}>
                    {floors.viewerCanChange ? (
                      <FloorForm
                        id={`floor-tool-${tool.name}`}
                        target={{ scope: 'tool', tool: tool.name }}
                        label={`Minimum approvals for ${tool.name}`}
                        initial={tool.minApprovals}
                        saveLabel={`Save ${tool.name} floor`}
                        clearLabel={`Remove ${tool.name} floor`}
                      />
                    ) : (
                      <p className="text-sm text-gray-900">{`${tool.name}: at least ${approvalsWord(tool.minApprovals ?? 0)}`}</p>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {floors.viewerCanChange ? (
              <AddToolFloorForm tools={floors.tools.filter((tool) => tool.minApprovals === null)} />
            ) : null}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
