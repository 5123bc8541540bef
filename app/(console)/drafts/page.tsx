import type { Metadata } from 'next';
import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { RelativeTime } from '@/components/relative-time';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table, TableLink, Td, Th } from '@/components/ui/table';
import { draftsHref, parseDraftQuery } from '@/lib/drafts/draft-query';
import { listDrafts } from '@/lib/drafts/list-drafts';
import { requireUser } from '../require-user';
import { DraftFilters } from './draft-filters';

export const metadata: Metadata = { title: 'Drafts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DraftsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const { filter, after } = parseDraftQuery(await searchParams);
  const { drafts, olderCursor, agentNames, toolNames } = await listDrafts(actor, filter, after);
  const filtered = Boolean(filter.agent || filter.tool || filter.fate);

  return (
    <>
      <PageHeader
        title="Drafts"
        description="Write actions of draft-only agents, held instead of run. Open one to read it like a review card, then promote it to the review queue or discard it."
      />
      <Card>
        <DraftFilters agents={agentNames} tools={toolNames} values={filter} />
        {drafts.length === 0 ? (
          <EmptyState
            title={filtered ? 'No drafts match these filters' : 'No drafts'}
            description="A draft-only agent's write actions appear here."
          />
        ) : (
          <Table aria-label="Drafts">
            <thead>
              <tr>
                <Th>Tool</Th>
                {/* On a phone the agent and the time sit under the tool, so the fate stays in view. */}
                <Th className="hidden sm:table-cell">Agent</Th>
                <Th className="hidden sm:table-cell">Drafted</Th>
                <Th>Fate</Th>
              </tr>
            </thead>
            <tbody>
              {drafts.map((draft) => (
                <tr key={draft.id}>
                  <Td className="break-all">
                    <TableLink href={`/actions/${draft.id}`}>{draft.toolName}</TableLink>
                    <span className="block text-xs text-gray-600 sm:hidden">
                      {draft.agentName} · <RelativeTime iso={draft.createdAt.toISOString()} />
                    </span>
                  </Td>
                  <Td className="hidden sm:table-cell">{draft.agentName}</Td>
                  <Td className="hidden sm:table-cell">
                    <RelativeTime iso={draft.createdAt.toISOString()} />
                  </Td>
                  <Td>
                    <FateCell fate={draft.fate} promotedActionId={draft.promotedActionId} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {olderCursor || after ? (
          <nav
            aria-label="Draft pages"
            className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-200 px-4 py-3 text-sm sm:px-5"
          >
            {olderCursor ? (
              <Link
                href={draftsHref(filter, olderCursor)}
                rel="next"
                className="font-medium text-indigo-700 hover:underline"
              >
                Older drafts →
              </Link>
            ) : (
              <span />
            )}
            {after ? (
              <Link href={draftsHref(filter)} className="font-medium text-indigo-700 hover:underline">
                Back to newest
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Card>
    </>
  );
}

function FateCell({ fate, promotedActionId }: { fate: string | null; promotedActionId: string | null }) {
  if (fate === 'promoted') {
    return (
      <span className="flex flex-wrap items-center gap-2">
        <Badge tone="amber">Promoted</Badge>
        {promotedActionId ? <TableLink href={`/actions/${promotedActionId}`}>Open the queued action</TableLink> : null}
      </span>
    );
  }
  if (fate === 'discarded') return <Badge tone="gray">Discarded</Badge>;
  return <Badge tone="violet">Undecided</Badge>;
}
