import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { UtcTime } from '@/components/relative-time';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import { getToolDetail, type ToolDetail } from '@/lib/tools/get-tool-detail';
import type { ActionLevel } from '@/lib/policy/action-levels';
import type { RollbackKind } from '@/lib/tools/schemas';
import { orNotFound } from '../../errors';
import { requireUser } from '../../require-user';
import { ToolForm } from '../tool-form';
import { ToolEnabledControl } from './tool-enabled-control';
import { ToolHistory } from './tool-history';

export const metadata: Metadata = { title: 'Tool' };

export default async function ToolPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const { id } = await params;
  const tool = await orNotFound(getToolDetail(actor, id));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tools" className="text-indigo-700 hover:underline">
          ← Tools
        </Link>
      </p>
      <PageHeader
        title={tool.name}
        description={
          <div className="flex flex-wrap items-center gap-2">
            <ActionLevelBadge level={tool.actionLevel} supportsRollback={tool.supportsRollback} />
            {tool.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
          </div>
        }
        actions={
          tool.viewerCanManage ? <ToolEnabledControl toolId={tool.id} name={tool.name} enabled={tool.enabled} /> : null
        }
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="tool-definition">
          <CardHeader
            id="tool-definition"
            title="Definition"
            description={tool.viewerCanManage ? undefined : 'Only admins can change tools.'}
          />
          <CardBody>
            <ToolForm
              key={tool.updatedAt}
              toolId={tool.id}
              initial={formValues(tool)}
              disabled={!tool.viewerCanManage}
            />
          </CardBody>
        </Card>
        <Card aria-labelledby="tool-grants">
          <CardHeader id="tool-grants" title="Grants" description="The agents that may call this tool." />
          <ToolGrantsTable grants={tool.grants} />
        </Card>
        <Card aria-labelledby="tool-history">
          <CardHeader
            id="tool-history"
            title="Change history"
            description="From the audit log, newest first. Times are UTC."
          />
          <ToolHistory events={tool.history} />
        </Card>
      </div>
    </>
  );
}

function ToolGrantsTable({ grants }: { grants: ToolDetail['grants'] }) {
  if (grants.length === 0) return <EmptyState title="Not granted to any agent" />;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Agent</Th>
          <Th>Approvals</Th>
          <Th>Expires</Th>
        </tr>
      </thead>
      <tbody>
        {grants.map((grant) => (
          <tr key={grant.id}>
            <Td>
              <TableLink href={`/agents/${grant.agent.id}`}>{grant.agent.name}</TableLink>
            </Td>
            <Td className="tabular-nums">{grant.approvals === 0 ? 'None' : grant.approvals}</Td>
            <Td className="whitespace-nowrap">{grant.expiresAt ? <UtcTime iso={grant.expiresAt} /> : 'Never'}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function formValues(tool: ToolDetail) {
  return {
    name: tool.name,
    description: tool.description,
    actionLevel: tool.actionLevel as ActionLevel,
    parameters: JSON.stringify(tool.parameters, null, 2),
    sensitiveFields: tool.sensitiveFields.join(', '),
    summaryTemplate: tool.summaryTemplate,
    supportsRollback: tool.supportsRollback,
    rollbackKind: tool.rollbackKind as RollbackKind,
    rollbackInstructions: tool.rollbackInstructions,
    rollbackToolName: tool.rollbackToolName ?? '',
    rollbackMapping: JSON.stringify(tool.rollbackMapping, null, 2),
  };
}
