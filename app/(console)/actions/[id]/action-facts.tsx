import Link from 'next/link';
import { clipText, ShowAllButton } from '@/components/clipped-text';
import { HostileTextFlags } from '@/components/hostile-text-flags';
import { InertText } from '@/components/inert-text';
import { UtcTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { ActionForReview } from '@/lib/actions/get-action-for-review';
import type { ActionMcpOrigin } from '@/lib/mcp/get-action-mcp-origin';
import { inspectValue } from '@/lib/review/inspect-text';

/** The bookkeeping: on whose behalf, which agent, when, and the ids that tie this action to other systems. */
export function ActionFacts({
  review,
  show,
  mcp = null,
}: {
  review: ActionForReview;
  show: string | null;
  /** Set when the agent called through Warden's MCP endpoint: Warden runs it upstream and reports the result. */
  mcp?: ActionMcpOrigin | null;
}) {
  const { action, agent } = review;
  return (
    <Card aria-labelledby="details">
      <CardHeader id="details" title="Details" />
      <CardBody>
        <p className="mb-3 text-sm text-gray-900">
          {action.requester ? (
            <>
              Acting for <InertText text={action.requester} className="font-medium break-all" />
              {/* Unverified requesters are the agent's claim; a verified one came signed by the agent's backend. */}
              <span className={action.requesterVerified ? 'ml-1 text-emerald-700' : 'ml-1 text-gray-600'}>
                ({action.requesterVerified ? 'verified' : 'as stated by the agent'})
              </span>
            </>
          ) : (
            'No requester given'
          )}
        </p>
        {action.requester ? (
          <HostileTextFlags flagged={inspectValue(action.requester, 'requester')} className="mb-3" />
        ) : null}
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
          <Fact term="Agent">
            <Link href={`/agents/${agent.id}`} className="font-medium text-indigo-700 hover:underline">
              {agent.name}
            </Link>
          </Fact>
          {review.toolDescription ? <Fact term="Tool">{review.toolDescription}</Fact> : null}
          {mcp ? (
            <Fact term="Channel">
              via MCP
              {mcp.server ? (
                <>
                  {' '}
                  → <code className="font-mono text-xs">{mcp.server}</code> ·{' '}
                  <code className="font-mono text-xs">
                    <InertText text={mcp.upstreamName ?? ''} />
                  </code>
                </>
              ) : null}
            </Fact>
          ) : null}
          <Fact term="Proposed">
            <UtcTime iso={action.createdAt} />
          </Fact>
          <Fact term="Trace id">
            <code className="font-mono text-xs break-all">
              <InertText text={action.traceId} />
            </code>
          </Fact>
          <Fact term="Action id">
            <code className="font-mono text-xs break-all">{action.id}</code>
          </Fact>
          {action.downstreamRef ? (
            <Fact term="Downstream ref">
              <code className="font-mono text-xs break-all">
                <InertText text={action.downstreamRef} />
              </code>
            </Fact>
          ) : null}
        </dl>
        {action.result !== null ? (
          <div className="mt-4">
            <h3 className="text-sm font-semibold text-gray-900">
              {mcp?.server ? 'Result from the upstream MCP server' : 'Result reported by the agent'}
            </h3>
            <ResultJson result={action.result} shown={show === 'result'} />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-gray-600">{term}</dt>
      <dd className="min-w-0 break-words text-gray-900">{children}</dd>
    </>
  );
}

/** The agent's result as JSON, clipped at the display limit unless the reviewer asked for all of it. */
function ResultJson({ result, shown }: { result: unknown; shown: boolean }) {
  const json = JSON.stringify(result, null, 2);
  const { head, hidden } = shown ? { head: json, hidden: 0 } : clipText(json);
  return (
    <>
      <pre className="mt-1 max-h-64 overflow-auto rounded-md bg-gray-100 p-2 font-mono text-xs text-gray-900">
        <InertText text={head} />
        {hidden > 0 ? <span className="text-gray-500">…</span> : null}
      </pre>
      {hidden > 0 ? <ShowAllButton showKey="result" hidden={hidden} className="mt-1" /> : null}
    </>
  );
}
