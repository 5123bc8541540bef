'use client';

import { renderSummary } from '@/lib/tools/present-params';
import { exampleParams } from './example-params';

/** The summary template rendered against an example call built from the schema, as it will read in the queue. */
export function SummaryPreview({ template, schemaText }: { template: string; schemaText: string }) {
  let example: Record<string, unknown> | null = null;
  try {
    example = exampleParams(JSON.parse(schemaText));
  } catch {
    example = null;
  }
  return (
    <div className="mt-2 rounded-md border border-gray-200 bg-gray-50 p-2 text-xs text-gray-700" aria-live="polite">
      {example === null ? (
        'Preview appears once the parameter schema is valid JSON.'
      ) : (
        <>
          <p>
            <span className="font-medium text-gray-900">Preview: </span>
            <span data-testid="summary-preview">
              {template.trim() ? renderSummary(template, example) : '(no template: reviewers see the parameters only)'}
            </span>
          </p>
          <p className="mt-1 break-all">
            for the example <code className="font-mono">{JSON.stringify(example)}</code>
          </p>
        </>
      )}
    </div>
  );
}
