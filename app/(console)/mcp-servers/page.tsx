import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { ActionLevelBadge } from '@/components/action-level-badge';
import { EmptyState } from '@/components/empty-state';
import { InertText } from '@/components/inert-text';
import { PageHeader } from '@/components/page-header';
import { UtcTime } from '@/components/relative-time';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import { can } from '@/lib/auth/actor';
import { listMcpServers, type McpServerSummary } from '@/lib/mcp/list-mcp-servers';
import { requireUser } from '../require-user';
import { ChangeReview } from './change-review';
import { RefreshButton } from './refresh-button';
import { RegisterServerForm } from './register-server-form';

export const metadata: Metadata = { title: 'MCP servers' };

const TITLE = 'MCP servers';

export default async function McpServersPage() {
  const actor = await requireUser();
  if (!can(actor, 'mcp.manage'))
    return <AccessDenied title={TITLE}>Only admins register upstream MCP servers and review their tools.</AccessDenied>;
  const servers = await listMcpServers(actor);
  return (
    <>
      <PageHeader
        title={TITLE}
        description="Upstream MCP servers whose tools agents reach through Warden's /api/mcp. New and changed tool definitions wait here until you accept them."
      />
      <div className="flex flex-col gap-6">
        {servers.length === 0 ? (
          <Card>
            <EmptyState title="No MCP servers yet" description="Register one below to import its tools." />
          </Card>
        ) : (
          servers.map((server) => <ServerCard key={server.id} server={server} />)
        )}
        <Card aria-labelledby="register-server">
          <CardHeader id="register-server" title="Register a server" />
          <CardBody>
            <RegisterServerForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function ServerCard({ server }: { server: McpServerSummary }) {
  const headingId = `server-${server.id}`;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        id={headingId}
        title={server.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={server.status === 'ok' ? 'green' : server.status === 'error' ? 'red' : 'gray'}>
              {server.status === 'ok' ? 'Reachable' : server.status === 'error' ? 'Unreachable' : 'Not contacted'}
            </Badge>
            <span className="break-all">{server.url}</span>
            <span>Last refresh: {server.lastRefreshAt ? <UtcTime iso={server.lastRefreshAt} /> : 'never'}</span>
            <span>{server.hasCredentials ? 'Credential set' : 'No credential'}</span>
          </span>
        }
        actions={<RefreshButton serverId={server.id} name={server.name} />}
      />
      <CardBody className="flex flex-col gap-5">
        {server.lastError ? (
          <p className="text-sm text-red-800">
            Last error: <InertText text={server.lastError} />
          </p>
        ) : null}
        {server.pending.length > 0 ? <PendingChanges server={server} /> : null}
        <section aria-label={`Tools imported from ${server.name}`}>
          <h3 className="mb-2 text-sm font-semibold text-gray-900">Tools imported ({server.tools.length})</h3>
          {server.tools.length === 0 ? (
            <p className="text-sm text-gray-600">None yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <Table>
                <thead>
                  <tr>
                    <Th>Tool</Th>
                    <Th>Upstream name</Th>
                    <Th>Level</Th>
                    <Th className="text-right">Calls via MCP</Th>
                  </tr>
                </thead>
                <tbody>
                  {server.tools.map((tool) => (
                    <tr key={tool.toolId}>
                      <Td>
                        <TableLink href={`/tools/${tool.toolId}`}>{tool.name}</TableLink>
                        {tool.enabled ? null : (
                          <Badge tone="gray" className="ml-2">
                            Disabled
                          </Badge>
                        )}
                      </Td>
                      <Td>
                        <code className="font-mono text-xs">
                          <InertText text={tool.upstreamName} />
                        </code>
                      </Td>
                      <Td>
                        <ActionLevelBadge level={tool.actionLevel} />
                      </Td>
                      <Td className="text-right tabular-nums">{tool.calls}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </section>
      </CardBody>
    </Card>
  );
}

const KIND_LABELS: Record<string, string> = {
  added: 'New tool',
  changed: 'Changed definition',
  removed: 'Gone upstream',
};

function PendingChanges({ server }: { server: McpServerSummary }) {
  return (
    <section aria-label={`Changes to review from ${server.name}`}>
      <h3 className="mb-1 text-sm font-semibold text-gray-900">To review ({server.pending.length})</h3>
      <p className="mb-3 text-sm text-gray-600">
        Nothing here reaches agents until accepted: the upstream&apos;s descriptions and schemas are its own words.
      </p>
      <ul className="flex flex-col gap-4">
        {server.pending.map((change) => (
          <li key={change.id} className="min-w-0 rounded-md border border-amber-200 bg-amber-50/40 p-3">
            <p className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="amber">{KIND_LABELS[change.kind] ?? change.kind}</Badge>
              <code className="font-mono">
                <InertText text={change.upstreamName} />
              </code>
              <span className="text-gray-600">
                found <UtcTime iso={change.detectedAt} />
              </span>
            </p>
            {change.definition ? (
              <DefinitionDiff
                before={change.current}
                description={change.definition.description}
                schema={change.definition.inputSchema}
              />
            ) : null}
            <ChangeReview
              changeId={change.id}
              kind={change.kind}
              upstreamName={change.upstreamName}
              suggestedLevel={change.suggestedLevel || 'external'}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DefinitionDiff({
  before,
  description,
  schema,
}: {
  before: { description: string; parameters: string } | null;
  description: string;
  schema: Record<string, unknown>;
}) {
  const after = JSON.stringify(schema, null, 2);
  const previous = before ? JSON.stringify(JSON.parse(before.parameters), null, 2) : null;
  return (
    <dl className="mb-3 grid grid-cols-[minmax(0,1fr)] gap-2 text-sm">
      {before && before.description !== description ? (
        <>
          <dt className="text-gray-600">Description now</dt>
          <dd className="min-w-0 break-words">
            <InertText text={before.description} />
          </dd>
        </>
      ) : null}
      <dt className="text-gray-600">{before ? 'Description upstream' : 'Description'}</dt>
      <dd className="min-w-0 break-words">
        <InertText text={description || '(none)'} />
      </dd>
      {previous !== null && previous !== after ? (
        <>
          <dt className="text-gray-600">Parameters now</dt>
          <dd className="min-w-0 break-words">
            <pre className="max-h-48 overflow-auto rounded bg-white p-2 font-mono text-xs">{previous}</pre>
          </dd>
        </>
      ) : null}
      <dt className="text-gray-600">{before ? 'Parameters upstream' : 'Parameters'}</dt>
      <dd className="min-w-0 break-words">
        <pre className="max-h-48 overflow-auto rounded bg-white p-2 font-mono text-xs">{after}</pre>
      </dd>
    </dl>
  );
}
