import { PencilLine } from 'lucide-react';
import { ClippedText, clipText, ShowAllButton } from '@/components/clipped-text';
import { HostileTextFlags } from '@/components/hostile-text-flags';
import { InertText } from '@/components/inert-text';
import { UtcTime } from '@/components/relative-time';
import { Card, CardHeader } from '@/components/ui/card';
import type { ActionForReview } from '@/lib/actions/get-action-for-review';
import { inspectValue } from '@/lib/review/inspect-text';
import { ParamFieldsTable } from './param-fields-table';

type Props = {
  params: Record<string, unknown>;
  summary: string | null;
  masked: boolean;
  maskedPaths: string[];
  edited: ActionForReview['edited'];
  /** The one clipped value the reviewer asked to see in full (`?show=`), if any. */
  show: string | null;
};

/**
 * The parameters exactly as the agent submitted them: each field with its JSON type, then the raw JSON. The tool's
 * one-line summary helps reading, but the raw parameters are what counts, so they are always shown. JSON.stringify
 * escapes C0 controls but not bidi or zero-width characters, so those are made visible inside the raw JSON, and every
 * string (or key) carrying markup or hidden characters is listed by path above it. A reviewer's edit is shown beside
 * the submitted version, never instead of it.
 */
export function ParametersCard({ params, summary, masked, maskedPaths, edited, show }: Props) {
  return (
    <Card aria-labelledby="parameters">
      <CardHeader
        id="parameters"
        title="Parameters"
        description={
          masked
            ? 'As submitted by the agent; fields the tool marks sensitive are hidden from your role.'
            : 'Exactly as submitted by the agent.'
        }
      />
      {summary ? (
        <div className="border-b border-gray-200 bg-indigo-50/50 px-4 py-2.5 text-sm break-words text-gray-900 sm:px-5">
          <span className="font-medium text-gray-600">
            {edited ? `In short (version ${edited.version}, edited): ` : 'In short: '}
          </span>
          <ClippedText text={summary} showKey="summary" shown={show === 'summary'} limit={SUMMARY_LIMIT} />
        </div>
      ) : null}
      <HostileTextFlags flagged={inspectValue(params, 'params')} className="mx-4 my-3 sm:mx-5" />
      {edited ? <EditNotice edited={edited} /> : null}
      {edited ? (
        <p className="border-t border-gray-200 px-4 pt-3 pb-1 text-xs font-medium tracking-wide text-gray-500 uppercase sm:px-5">
          Fields as submitted (version 1)
        </p>
      ) : null}
      <ParamFieldsTable params={params} maskedPaths={maskedPaths} show={show} />
      {edited ? (
        <div className="grid border-t border-gray-800 bg-gray-950 md:grid-cols-2 md:divide-x md:divide-gray-800">
          <RawJson label="As submitted by the agent (version 1)" params={params} showKey="raw" show={show} />
          <RawJson
            label={`Edited by a reviewer (version ${edited.version}): this version runs`}
            params={edited.params}
            showKey="raw-edited"
            show={show}
          />
        </div>
      ) : (
        <RawJson label="Raw JSON" params={params} showKey="raw" show={show} />
      )}
    </Card>
  );
}

function EditNotice({ edited }: { edited: NonNullable<ActionForReview['edited']> }) {
  return (
    <div
      className="mx-4 my-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950 sm:mx-5"
      data-testid="edited-notice"
    >
      <p className="flex items-center gap-2 font-semibold">
        <PencilLine aria-hidden className="size-4 shrink-0" />
        Edited by a reviewer (version {edited.version})
      </p>
      <p className="mt-0.5 pl-6 text-sky-900">
        {edited.by ? (
          <>
            {edited.by}
            {edited.at ? (
              <>
                {' '}
                · <UtcTime iso={edited.at} />
              </>
            ) : null}
            .{' '}
          </>
        ) : null}
        The agent will receive the edited version.
        {edited.changedPaths.length > 0 ? (
          <>
            {' '}
            Changed:{' '}
            {edited.changedPaths.map((path, index) => (
              <span key={path}>
                {index > 0 ? ', ' : null}
                <code className="font-mono text-[13px]">
                  <InertText text={path} />
                </code>
              </span>
            ))}
            .
          </>
        ) : null}
      </p>
    </div>
  );
}

/** "In short" is one line: the fields below show every value. */
const SUMMARY_LIMIT = 300;

/** Raw JSON runs long (indented): it is clipped at twice the display limit. */
const RAW_LIMIT = 4000;

function RawJson({
  label,
  params,
  showKey,
  show,
}: {
  label: string;
  params: Record<string, unknown>;
  showKey: string;
  show: string | null;
}) {
  const json = JSON.stringify(params, null, 2);
  const { head, hidden } = show === showKey ? { head: json, hidden: 0 } : clipText(json, RAW_LIMIT);
  return (
    <div className="min-w-0 bg-gray-950">
      <p className="px-4 pt-3 text-xs font-medium tracking-wide text-gray-400 uppercase sm:px-5">{label}</p>
      <pre className="max-h-[32rem] overflow-auto px-4 pt-1 pb-3 font-mono text-[13px] leading-relaxed text-gray-100 sm:px-5">
        <InertText text={head} />
        {hidden > 0 ? <span className="text-gray-400">…</span> : null}
      </pre>
      {hidden > 0 ? <ShowAllButton showKey={showKey} hidden={hidden} className="px-4 pb-3 sm:px-5" /> : null}
    </div>
  );
}
