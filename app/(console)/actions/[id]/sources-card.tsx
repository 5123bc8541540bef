import { TriangleAlert } from 'lucide-react';
import { ClippedText } from '@/components/clipped-text';
import { ExternalLink } from '@/components/external-link';
import { HostileTextFlags } from '@/components/hostile-text-flags';
import { InertText } from '@/components/inert-text';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { Source } from '@/lib/actions/schemas';
import { inspectValue } from '@/lib/review/inspect-text';

/** What the agent says it based the action on; titles and excerpts are the agent's text, links open elsewhere. */
export function SourcesCard({ sources, isWrite, show }: { sources: Source[]; isWrite: boolean; show: string | null }) {
  return (
    <Card aria-labelledby="sources">
      <CardHeader id="sources" title="Sources" description="Cited by the agent." />
      <CardBody>
        {sources.length === 0 ? (
          isWrite ? (
            <p className="flex gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              This action changes something, and the agent cited no sources for it.
            </p>
          ) : (
            <p className="text-sm text-gray-600">No sources cited.</p>
          )
        ) : (
          <>
            <HostileTextFlags flagged={inspectValue(sources, 'sources')} className="mb-4" />
            <ol className="flex flex-col gap-4">
              {sources.map((source, index) => (
                <li key={index} className="min-w-0 border-l-2 border-gray-200 pl-3">
                  <p className="text-sm font-medium break-words text-gray-900">
                    <InertText text={source.title} />
                  </p>
                  {source.excerpt ? (
                    <div className="mt-1 text-sm break-words whitespace-pre-wrap text-gray-700">
                      <ClippedText
                        text={source.excerpt}
                        showKey={`source:${index}`}
                        shown={show === `source:${index}`}
                      />
                    </div>
                  ) : null}
                  {source.url ? (
                    <p className="mt-1 text-sm">
                      <ExternalLink href={source.url} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </CardBody>
    </Card>
  );
}
