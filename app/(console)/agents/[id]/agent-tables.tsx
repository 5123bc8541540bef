import { EmptyState } from '@/components/empty-state';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import type { AgentDetail } from '@/lib/agents/get-agent-detail';

export function RecentActionsTable({ actions }: { actions: AgentDetail['recentActions'] }) {
  if (actions.length === 0) return <EmptyState title="No actions yet" />;
  return (
    <Table>
      <thead>
        <tr>
          <Th>Tool</Th>
          <Th>Status</Th>
          <Th>Requester</Th>
          <Th>Proposed</Th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <Td>
              <TableLink href={`/actions/${action.id}`} className="font-mono text-[13px]">
                {action.tool}
              </TableLink>
            </Td>
            <Td>
              <StatusBadge status={action.status} />
            </Td>
            <Td>{action.requester ?? <span className="text-gray-500">—</span>}</Td>
            <Td className="whitespace-nowrap">
              <RelativeTime iso={action.createdAt} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
