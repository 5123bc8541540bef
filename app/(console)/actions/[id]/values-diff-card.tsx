import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { InertText } from '@/components/inert-text';
import type { DiffEntry } from '@/lib/review/diff-values';
import { ValueText } from './value-text';

/**
 * A record update as before → after: the fields it changes first and highlighted, the rest folded away. "Before" is
 * what the agent says it read, so it is the agent's claim, not a fact Warden checked; the header says so.
 */
export function ValuesDiffCard({ diff, version }: { diff: DiffEntry[]; version: string }) {
  const changes = diff.filter((entry) => entry.kind === 'changed' || entry.kind === 'added');
  const same = diff.filter((entry) => entry.kind === 'unchanged' || entry.kind === 'untouched');
  return (
    <Card aria-labelledby="before-after">
      <CardHeader
        id="before-after"
        title="Before and after"
        description={`The record's current values as the agent read them, beside what this update writes (${version}).`}
      />
      {changes.length === 0 ? (
        <p className="px-4 py-3 text-sm text-gray-700 sm:px-5">
          This update changes none of the values the agent read.
        </p>
      ) : (
        <table className="w-full table-fixed text-sm" data-testid="diff-changes">
          <caption className="sr-only">Fields this update changes</caption>
          <thead className="hidden bg-gray-50 text-left text-xs font-medium text-gray-600 sm:table-header-group">
            <tr>
              <th scope="col" className="w-1/4 px-5 py-2">
                Field
              </th>
              <th scope="col" className="px-3 py-2">
                Before
              </th>
              <th scope="col" className="px-3 py-2">
                After
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {changes.map((entry) => (
              <tr key={entry.path} data-diff={entry.kind} className="flex flex-col gap-1 px-4 py-3 sm:table-row sm:p-0">
                <th scope="row" className="text-left align-top font-medium text-gray-900 sm:px-5 sm:py-2.5">
                  <code className="font-mono text-[13px] break-words">
                    <InertText text={entry.path} />
                  </code>
                  {entry.kind === 'added' ? (
                    <Badge tone="blue" className="ml-2">
                      new
                    </Badge>
                  ) : null}
                  {entry.masked ? <Badge className="ml-2">hidden</Badge> : null}
                </th>
                <td className="align-top sm:px-3 sm:py-2.5">
                  <span className="mr-1 text-xs text-gray-500 sm:hidden">Before</span>
                  {entry.kind === 'added' ? (
                    <span className="text-gray-500 italic">not set</span>
                  ) : (
                    <span
                      className="rounded bg-red-50 px-1 text-red-900 line-through decoration-red-300"
                      data-testid="diff-before"
                    >
                      <ValueText value={entry.before} />
                    </span>
                  )}
                </td>
                <td className="align-top sm:px-3 sm:py-2.5">
                  <span className="mr-1 text-xs text-gray-500 sm:hidden">After</span>
                  <span className="rounded bg-emerald-50 px-1 text-emerald-950" data-testid="diff-after">
                    <ValueText value={entry.after} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {same.length > 0 ? (
        <details className="border-t border-gray-200 px-4 py-3 text-sm sm:px-5">
          <summary className="cursor-pointer text-gray-700 select-none hover:text-gray-900">
            {same.length} {same.length === 1 ? 'field stays' : 'fields stay'} as{' '}
            {same.length === 1 ? 'it is' : 'they are'}
          </summary>
          <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-x-3 gap-y-1.5">
            {same.map((entry) => (
              <div key={entry.path} className="contents">
                <dt className="font-mono text-[13px] break-words text-gray-600">
                  <InertText text={entry.path} />
                </dt>
                <dd className="min-w-0 text-gray-800">
                  <ValueText value={entry.before} />
                  {entry.kind === 'untouched' ? (
                    <span className="ml-2 text-xs text-gray-500">(not in this update)</span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </Card>
  );
}
