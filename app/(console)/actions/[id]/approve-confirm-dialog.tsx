'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { TriangleAlert } from 'lucide-react';
import { InertText } from '@/components/inert-text';
import { Button } from '@/components/ui/button';

/** What the reviewer is about to release, restated where they confirm it (built by the page from the review). */
export type ApprovalSummary = {
  /** The tool name as the agent asked for it, hidden characters made visible. */
  tool: string;
  agent: string;
  /** "External", "Update", …; null for a tool Warden does not know. */
  level: string | null;
  risks: string[];
  reason: string | null;
  requester: string | null;
  requesterVerified: boolean;
};

/**
 * The second step of approving anything above read/draft: the risk, the tool, the agent's reason and the requester,
 * restated. Focus starts on Cancel, Esc cancels; "Approve and release" submits the decision form (comment included).
 */
export function ApproveConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  summary: ApprovalSummary;
  formId: string;
  submitting: boolean;
}) {
  const { summary } = props;
  return (
    <AlertDialog.Root open={props.open} onOpenChange={(next) => !props.submitting && props.onOpenChange(next)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-lg font-semibold text-gray-900">
            Approve and release this action?
          </AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-gray-700">
            {summary.level
              ? `This ${summary.level.toLowerCase()} action`
              : 'This action of a tool Warden does not know'}{' '}
            may change something outside Warden; once released, the agent runs it.
          </AlertDialog.Description>
          <dl className="mt-4 flex flex-col gap-3 text-sm">
            <div
              data-testid="confirm-risks"
              className={
                summary.risks.length > 0
                  ? 'rounded-md border border-orange-200 bg-orange-50 p-3'
                  : 'rounded-md border border-gray-200 p-3'
              }
            >
              <dt className="flex items-center gap-2 font-semibold text-gray-900">
                {summary.risks.length > 0 ? (
                  <TriangleAlert aria-hidden className="size-4 shrink-0 text-orange-600" />
                ) : null}
                {summary.risks.length === 0
                  ? 'No risk flags'
                  : `${summary.risks.length} risk ${summary.risks.length === 1 ? 'flag' : 'flags'}`}
              </dt>
              {summary.risks.length > 0 ? (
                <dd>
                  <ul className="mt-1 list-disc pl-5 text-orange-950">
                    {summary.risks.map((label, index) => (
                      <li key={index}>{label}</li>
                    ))}
                  </ul>
                </dd>
              ) : null}
            </div>
            <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-2">
              <dt className="text-gray-600">Tool</dt>
              <dd className="min-w-0 break-words">
                <code className="font-mono text-gray-900">{summary.tool}</code>
                {summary.level ? ` (${summary.level})` : ' (unknown tool)'}
              </dd>
              <dt className="text-gray-600">Agent</dt>
              <dd className="min-w-0 break-words text-gray-900">{summary.agent}</dd>
              <dt className="text-gray-600">Requester</dt>
              <dd className="min-w-0 break-words text-gray-900">
                {summary.requester ? (
                  <>
                    <InertText text={summary.requester} />{' '}
                    <span className={summary.requesterVerified ? 'text-emerald-700' : 'text-gray-600'}>
                      ({summary.requesterVerified ? 'verified' : 'as stated by the agent'})
                    </span>
                  </>
                ) : (
                  'None given'
                )}
              </dd>
            </div>
            <div className="rounded-md border border-dashed border-amber-300 bg-amber-50/60 p-3">
              <dt className="font-semibold text-amber-900">Agent&apos;s reason (written by the agent)</dt>
              <dd className="mt-1 break-words whitespace-pre-wrap text-gray-900">
                {summary.reason ? (
                  <InertText text={summary.reason} />
                ) : (
                  <span className="text-gray-600 italic">The agent gave no reason.</span>
                )}
              </dd>
            </div>
          </dl>
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={props.submitting}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button
              type="submit"
              form={props.formId}
              name="decision"
              value="approve"
              variant="success"
              disabled={props.submitting}
              aria-busy={props.submitting}
            >
              Approve and release
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
