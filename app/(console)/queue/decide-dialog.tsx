'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useRef, useState, useTransition } from 'react';
import { InertText } from '@/components/inert-text';
import { ErrorAlert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import type { BatchItemResult } from '@/lib/actions/decide-action-batch';
import type { PendingActionRow } from '@/lib/actions/list-pending-actions';
import { decideActions } from './actions';

export type DecideRequest = {
  /** The actions as shown when the dialog opened: exactly these are decided, whatever arrives meanwhile. */
  actions: PendingActionRow[];
  /** A trace offers both; a single row opened with a or r has its decision chosen already. */
  decision: 'approved' | 'rejected' | null;
  traceId?: string;
};

/**
 * The confirmation before deciding: it lists every action that will be decided (summary, agent, tool), then shows what
 * happened to each one (approved, still needs approvals, refused and why). Each is decided on its own on the server.
 */
export function DecideDialog({ request, onClose }: { request: DecideRequest | null; onClose: () => void }) {
  const [results, setResults] = useState<BatchItemResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const comment = useRef<HTMLTextAreaElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);

  function close() {
    // Not while the decision is on its way (its result would vanish). Once the result shows, the transition may still
    // be pending while the page refreshes behind the dialog; Close must work then, or it swallows the keypress.
    if (pending && results === null && error === null) return;
    setResults(null);
    setError(null);
    onClose();
  }

  function decide(decision: 'approved' | 'rejected') {
    if (!request) return;
    startTransition(async () => {
      const reply = await decideActions({
        actionIds: request.actions.map((action) => action.id),
        decision,
        comment: comment.current?.value.trim() || undefined,
      });
      if (reply.ok) setResults(reply.data);
      else setError(reply.error);
    });
  }

  const count = request?.actions.length ?? 0;
  const trace = Boolean(request?.traceId);
  const title = results
    ? 'Decisions'
    : trace
      ? `Decide all ${count} pending actions of this trace`
      : request?.decision === 'rejected' ? 'Reject this action?' : 'Approve this action?';

  return (
    <AlertDialog.Root open={request !== null} onOpenChange={(open) => !open && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <AlertDialog.Content
          onOpenAutoFocus={(event) => {
            // A single decision (a or r) confirms with Enter; a whole trace starts on Cancel.
            if (!trace && confirm.current) {
              event.preventDefault();
              confirm.current.focus();
            }
          }}
          className="fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-2xl -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg bg-white p-5 shadow-xl focus:outline-none"
        >
          <AlertDialog.Title className="text-lg font-semibold text-gray-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-1 text-sm text-gray-700">
            {results
              ? 'Each action was decided on its own; those refused are unchanged.'
              : trace
                ? `Trace ${request?.traceId}. Each action is decided and audited on its own; one that someone else decides meanwhile is reported and left as it is.`
                : 'Check what it does before you confirm.'}
          </AlertDialog.Description>
          <ul className="mt-4 min-h-0 flex-1 divide-y divide-gray-100 overflow-y-auto rounded-md border border-gray-200" aria-label={results ? 'Results' : 'Actions to decide'}>
            {request?.actions.map((action) => (
              <li key={action.id} className="px-3 py-2 text-sm" data-action-id={action.id}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium break-words text-gray-900"><InertText text={action.summary ?? action.tool} /></p>
                    <p className="text-xs text-gray-600">
                      {action.agent} · <span className="font-mono">{action.tool}</span>
                      {action.required > 1 ? ` · ${action.approvals} of ${action.required} approvals` : null}
                    </p>
                  </div>
                  {results ? <ResultBadge result={results.find((result) => result.actionId === action.id)} /> : null}
                </div>
                {results ? <ResultNote result={results.find((result) => result.actionId === action.id)} /> : null}
                {!results && !action.waitingForMe ? <p className="mt-0.5 text-xs text-amber-800">You may not be able to approve this one; it will be reported.</p> : null}
                {!results && action.override ? <p className="mt-0.5 text-xs text-amber-800">Approving overrides separation of duties (recorded as an admin override).</p> : null}
              </li>
            ))}
          </ul>
          {results ? null : (
            <div className="mt-4">
              <Label htmlFor="batch-comment">Comment (optional; the agent receives it with a rejection)</Label>
              <Textarea id="batch-comment" ref={comment} className="min-h-16" maxLength={2000} disabled={pending} />
            </div>
          )}
          {error ? <ErrorAlert className="mt-3">{error}</ErrorAlert> : null}
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {results ? (
              // Focused, so a keyboard decision is a, Enter (confirm), Enter (close).
              <Button onClick={close} autoFocus>Close</Button>
            ) : (
              <>
                <AlertDialog.Cancel asChild>
                  <Button variant="secondary" disabled={pending}>Cancel</Button>
                </AlertDialog.Cancel>
                {request?.decision !== 'approved' ? (
                  <Button ref={request?.decision === 'rejected' ? confirm : undefined} variant="danger" disabled={pending} onClick={() => decide('rejected')}>
                    {trace ? `Reject all ${count} in trace` : 'Reject'}
                  </Button>
                ) : null}
                {request?.decision !== 'rejected' ? (
                  <Button ref={request?.decision === 'approved' ? confirm : undefined} variant="success" disabled={pending} onClick={() => decide('approved')}>
                    {trace ? `Approve all ${count} in trace` : 'Approve'}
                  </Button>
                ) : null}
              </>
            )}
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function ResultBadge({ result }: { result: BatchItemResult | undefined }) {
  if (!result) return <Badge tone="gray">Not sent</Badge>;
  switch (result.result) {
    case 'approved':
      return <Badge tone="green">Approved</Badge>;
    case 'rejected':
      return <Badge tone="red">Rejected</Badge>;
    case 'needs_more_approvals':
      return <Badge tone="blue">Approval recorded ({result.approvals} of {result.required})</Badge>;
    case 'refused':
      return <Badge tone="amber">Not decided</Badge>;
  }
}

/** Why an action was not decided, or what it still needs. */
function ResultNote({ result }: { result: BatchItemResult | undefined }) {
  if (result?.result === 'refused') return <p className="mt-1 text-xs text-gray-700">{result.reason}</p>;
  if (result?.result === 'needs_more_approvals') {
    return <p className="mt-1 text-xs text-gray-700">Another reviewer must approve too{result.missingGroups.length > 0 ? `, from ${result.missingGroups.join(' and ')}` : ''}.</p>;
  }
  return null;
}
