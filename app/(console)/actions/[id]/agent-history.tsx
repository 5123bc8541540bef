import Link from 'next/link';
import { InertText } from '@/components/inert-text';
import { RelativeTime } from '@/components/relative-time';
import { StatusBadge } from '@/components/status-badge';
import { Card, CardHeader } from '@/components/ui/card';
import type { AgentTrackRecord } from '@/lib/agents/get-agent-track-record';

/** The agent's record, to weigh this proposal against: how reviewers decided its last month, and its latest actions. */
export function AgentHistory({ agent, record }: { agent: { id: string; name: string }; record: AgentTrackRecord }) {
  const decided = record.approved + record.rejected;
  return (
    <Card aria-labelledby="agent-history">
      <CardHeader id="agent-history" title="Agent history" description={agent.name} />
      <div className="grid grid-cols-3 divide-x divide-gray-100 border-b border-gray-200 text-center">
        <Stat
          label="Approval rate"
          value={record.approvalRate === null ? '—' : `${Math.round(record.approvalRate * 100)}%`}
          testId="approval-rate"
        />
        <Stat label="Approved" value={String(record.approved)} />
        <Stat label="Rejected" value={String(record.rejected)} />
      </div>
      <p className="border-b border-gray-200 px-4 py-2 text-xs text-gray-600 sm:px-5" data-testid="approval-counts">
        Last {record.windowDays} days:{' '}
        {decided === 0
          ? 'no reviewer decided any of its actions'
          : `${record.approved} of ${decided} reviewed actions approved`}
        {record.expired > 0 ? ` · ${record.expired} expired undecided` : ''}.
      </p>
      {record.recent.length === 0 ? (
        <p className="px-4 py-3 text-sm text-gray-600 sm:px-5">This is the agent&apos;s first action.</p>
      ) : (
        <ol className="divide-y divide-gray-100" aria-label="Recent actions of this agent">
          {record.recent.map((action) => (
            <li key={action.id} className="flex items-center gap-2 px-4 py-2 text-sm sm:px-5">
              <Link
                href={`/actions/${action.id}`}
                className="min-w-0 flex-1 truncate font-mono text-[13px] text-indigo-700 hover:underline"
              >
                <InertText text={action.tool} />
              </Link>
              <StatusBadge status={action.status} />
              <span className="w-20 shrink-0 text-right text-xs text-gray-500">
                <RelativeTime iso={action.createdAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="border-t border-gray-200 px-4 py-2 text-right text-sm sm:px-5">
        <Link href={`/agents/${agent.id}`} className="text-indigo-700 hover:underline">
          All about {agent.name}
        </Link>
      </p>
    </Card>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="px-2 py-3">
      <p className="text-lg font-semibold text-gray-900 tabular-nums" data-testid={testId}>
        {value}
      </p>
      <p className="text-xs text-gray-600">{label}</p>
    </div>
  );
}
