import { HostileTextFlags } from '@/components/hostile-text-flags';
import { InertText } from '@/components/inert-text';
import { Card, CardHeader } from '@/components/ui/card';
import { inspectValue } from '@/lib/review/inspect-text';

/**
 * The parameters exactly as the agent submitted them, as text: what will be executed if approved. The tool's one-line
 * summary helps reading, but the raw parameters are what counts, so they are always shown. JSON.stringify escapes
 * C0 controls but not bidi or zero-width characters, so those are made visible inside the raw JSON, and every string
 * (or key) carrying markup or hidden characters is listed by path above it.
 */
export function ParametersCard({ params, summary, masked }: { params: Record<string, unknown>; summary: string | null; masked: boolean }) {
  return (
    <Card aria-labelledby="parameters">
      <CardHeader
        id="parameters"
        title="Parameters"
        description={masked ? 'As submitted by the agent; fields the tool marks sensitive are hidden from your role.' : 'Exactly as submitted by the agent.'}
      />
      {summary ? (
        <p className="border-b border-gray-200 px-4 py-2 text-sm break-words text-gray-800 sm:px-5">
          <span className="font-medium text-gray-600">In short: </span>
          <InertText text={summary} />
        </p>
      ) : null}
      <HostileTextFlags flagged={inspectValue(params, 'params')} className="mx-4 my-3 sm:mx-5" />
      <pre className="max-h-[32rem] overflow-auto bg-gray-950 px-4 py-3 font-mono text-[13px] leading-relaxed text-gray-100 sm:px-5">
        <InertText text={JSON.stringify(params, null, 2)} />
      </pre>
    </Card>
  );
}
