import { EmptyState } from '@/components/empty-state';
import { UtcTime } from '@/components/relative-time';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { AgentDetail } from '@/lib/agents/get-agent-detail';
import { CreateKeyForm } from './create-key-form';
import { KeyRowActions } from './key-row-actions';

type Key = AgentDetail['keys'][number];

function keyStatus(key: Key, now: number): 'active' | 'expired' | 'revoked' {
  if (key.revokedAt) return 'revoked';
  return key.expiresAt && new Date(key.expiresAt).getTime() <= now ? 'expired' : 'active';
}

const STATUS_BADGES = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="gray">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
};

/** The agent's keys (prefix and dates; the key itself is never kept), with create, rotate and revoke for its controllers. */
export function KeysSection({ agentId, keys, canControl }: { agentId: string; keys: Key[]; canControl: boolean }) {
  const now = Date.now();
  return (
    <Card aria-labelledby="agent-keys">
      <CardHeader
        id="agent-keys"
        title="Keys"
        description="Only a prefix of each key is kept, to tell them apart. Times are UTC."
      />
      {canControl ? (
        <CardBody className="border-b border-gray-200">
          <CreateKeyForm agentId={agentId} />
        </CardBody>
      ) : null}
      {keys.length === 0 ? (
        <EmptyState title="No keys" description="This agent cannot call Warden until a key is created." />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Key</Th>
              <Th>Created</Th>
              <Th>Last used</Th>
              <Th>Expires</Th>
              <Th>Status</Th>
              {canControl ? (
                <Th className="relative">
                  <span className="sr-only">Change</span>
                </Th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => {
              const status = keyStatus(key, now);
              return (
                <tr key={key.id}>
                  <Td>
                    <code className="font-mono text-[13px]">{key.prefix}…</code>
                    {key.label ? <span className="block text-xs text-gray-600">{key.label}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <UtcTime iso={key.createdAt} zone={false} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {key.lastUsedAt ? <UtcTime iso={key.lastUsedAt} zone={false} /> : 'Never'}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {key.expiresAt ? <UtcTime iso={key.expiresAt} zone={false} /> : 'Never'}
                  </Td>
                  <Td>
                    {STATUS_BADGES[status]}
                    {key.revokedAt ? (
                      <span className="block text-xs whitespace-nowrap text-gray-600">
                        <UtcTime iso={key.revokedAt} zone={false} />
                      </span>
                    ) : null}
                  </Td>
                  {canControl ? (
                    <Td className="text-right">
                      {status === 'active' ? (
                        <KeyRowActions agentId={agentId} keyId={key.id} prefix={key.prefix} />
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
