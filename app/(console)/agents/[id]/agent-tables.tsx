import { ActionLevelBadge } from '@/components/action-level-badge';
import { EmptyState } from '@/components/empty-state';
import { RelativeTime, UtcTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import type { AgentDetail } from '@/lib/agents/get-agent-detail';

export function GrantsTable({ grants }: { grants: AgentDetail['grants'] }) {
  if (grants.length === 0) return <EmptyState title="No grants" description="This agent may not call any tool." />;
  return (
    <Table>
      <thead>
        <tr><Th>Tool</Th><Th>Level</Th><Th>Approval required</Th></tr>
      </thead>
      <tbody>
        {grants.map((grant) => (
          <tr key={grant.id}>
            <Td>
              <code className="font-mono text-[13px]">{grant.tool}</code>
              {grant.toolEnabled ? null : <Badge tone="gray" className="ml-2">Tool disabled</Badge>}
            </Td>
            <Td><ActionLevelBadge level={grant.actionLevel} /></Td>
            <Td>{grant.approvals === 0 ? 'No' : grant.approvals === 1 ? 'Yes' : `Yes (${grant.approvals} reviewers)`}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function KeysTable({ keys }: { keys: AgentDetail['keys'] }) {
  if (keys.length === 0) return <EmptyState title="No keys" description="This agent cannot call Warden until an admin creates a key." />;
  return (
    <Table>
      <thead>
        <tr><Th>Prefix</Th><Th>Created</Th><Th>Last used</Th><Th>Revoked</Th></tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <Td>
              <code className="font-mono text-[13px]">{key.prefix}…</code>
              {key.label ? <span className="block text-xs text-gray-600">{key.label}</span> : null}
            </Td>
            <Td className="whitespace-nowrap"><UtcTime iso={key.createdAt} /></Td>
            <Td className="whitespace-nowrap">{key.lastUsedAt ? <UtcTime iso={key.lastUsedAt} /> : 'Never'}</Td>
            <Td className="whitespace-nowrap">
              {key.revokedAt ? <Badge tone="red">Revoked <UtcTime iso={key.revokedAt} /></Badge> : 'No'}
              {!key.revokedAt && key.expiresAt ? <span className="block text-xs text-gray-600">Expires <UtcTime iso={key.expiresAt} /></span> : null}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function RecentActionsTable({ actions }: { actions: AgentDetail['recentActions'] }) {
  if (actions.length === 0) return <EmptyState title="No actions yet" />;
  return (
    <Table>
      <thead>
        <tr><Th>Tool</Th><Th>Status</Th><Th>Requester</Th><Th>Proposed</Th></tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <Td><TableLink href={`/actions/${action.id}`} className="font-mono text-[13px]">{action.tool}</TableLink></Td>
            <Td><StatusBadge status={action.status} /></Td>
            <Td>{action.requester ?? <span className="text-gray-500">—</span>}</Td>
            <Td className="whitespace-nowrap"><RelativeTime iso={action.createdAt} /></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
