'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useRef, useState, useTransition } from 'react';
import { RiskFlagBadge } from '@/components/risk-flag-badge';
import { InertText } from '@/components/inert-text';
import { ErrorAlert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Label, Textarea } from '@/components/ui/field';
import type { BatchItemResult } from '@/lib/actions/review-action-batch';
import type { PendingActionRow } from '@/lib/actions/read-queue-rows';
import type { QueueRemoval } from '@/lib/actions/watch-review-queue';
import { reviewActionsMutation } from './mutations';

export type ReviewRequest = {
  /**
   * The actions as shown when the dialog opened: exactly these are decided, whatever arrives meanwhile. For a trace,
   * the row it was opened from; the dialog reads the trace's other pending actions itself.
   */
  actions: PendingActionRow[];
  /** A trace offers both; a single row opened with a or r has its decision chosen already. */
  decision: 'approved' | 'rejected' | null;
  traceId?: string;
};

/**
 * The confirmation before deciding: it lists every action that will be decided with what a reviewer must weigh
 * (risk flags, the agent's reason, the requester), then shows what happened to each one (approved, still needs
 * approvals, refused and why). Each is decided on its own on the server. Focus starts on Cancel (on the comment box
 * for a rejection), never on an approving button: Enter alone never approves. An action decided elsewhere while the
 * dialog is open says so, by whom, and is left out.
 */
export function ReviewDialog({
  request,
  gone,
  onClose,
}: {
  request: ReviewRequest | null;
  gone: Record<string, QueueRemoval>;
  onClose: () => void;
}) {
  const [results, setResults] = useState<BatchItemResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const comment = useRef<HTMLTextAreaElement>(null);
  const traceRows = useTraceRows(request?.traceId ?? null);
  const listed = request?.traceId ? (traceRows ?? request.actions) : (request?.actions ?? []);
  const open = listed.filter((action) => !gone[action.id]);

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
      const reply = await reviewActionsMutation({
        actionIds: open.map((action) => action.id),
        decision,
        comment: comment.current?.value.trim() || undefined,
      });
      if (reply.ok) setResults(reply.data);
      else setError(reply.error);
    });
  }

  const count = open.length;
  const trace = Boolean(request?.traceId);
  const title = results
    ? 'Decisions'
    : trace
      ? `Decide all ${count} pending actions of this trace`
      : request?.decision === 'rejected'
        ? 'Reject this action?'
        : 'Approve this action?';

  return (
    <AlertDialog.Root open={request !== null} onOpenChange={(open) => !open && close()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <AlertDialog.Content
          onOpenAutoFocus={(event) => {
            // Rejecting starts where the reason is written; anything else on Cancel (Radix's default).
            if (request?.decision === 'rejected' && comment.current) {
              event.preventDefault();
              comment.current.focus();
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
          <ul
            className="mt-4 min-h-0 flex-1 divide-y divide-gray-100 overflow-y-auto rounded-md border border-gray-200"
            aria-label={results ? 'Results' : 'Actions to decide'}
          >
            {trace && traceRows === null ? (
              <li className="px-3 py-2 text-sm text-gray-600">Loading the trace…</li>
            ) : null}
            {listed.map((action) => (
              <li key={action.id} className="px-3 py-2 text-sm" data-action-id={action.id}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium break-words text-gray-900">
                      <InertText text={action.summary ?? action.tool} />
                    </p>
                    <p className="text-xs text-gray-600">
                      {action.agent} · <span className="font-mono">{action.tool}</span>
                      {action.required > 1 ? ` · ${action.approvals} of ${action.required} approvals` : null}
                    </p>
                  </div>
                  {results && !(gone[action.id] && !results.some((result) => result.actionId === action.id)) ? (
                    <ResultBadge result={results.find((result) => result.actionId === action.id)} />
                  ) : null}
                </div>
                {results ? <ResultNote result={results.find((result) => result.actionId === action.id)} /> : null}
                {gone[action.id] && !results?.some((result) => result.actionId === action.id) ? (
                  <GoneNote removal={gone[action.id]} />
                ) : null}
                {!results && !gone[action.id] ? <WeighNote action={action} full={!trace} /> : null}
                {!results && !gone[action.id] && !action.waitingForMe ? (
                  <p className="mt-0.5 text-xs text-amber-800">
                    You may not be able to approve this one; it will be reported.
                  </p>
                ) : null}
                {!results && action.override ? (
                  <p className="mt-0.5 text-xs text-amber-800">
                    Approving overrides separation of duties (recorded as an admin override).
                  </p>
                ) : null}
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
              <Button onClick={close} autoFocus>
                Close
              </Button>
            ) : (
              <>
                <AlertDialog.Cancel asChild>
                  <Button variant="secondary" disabled={pending}>
                    Cancel
                  </Button>
                </AlertDialog.Cancel>
                {request?.decision !== 'approved' ? (
                  <Button variant="danger" disabled={pending || count === 0} onClick={() => decide('rejected')}>
                    {trace ? `Reject all ${count} in trace` : 'Reject'}
                  </Button>
                ) : null}
                {request?.decision !== 'rejected' ? (
                  <Button variant="success" disabled={pending || count === 0} onClick={() => decide('approved')}>
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

/** The trace's pending actions, read when the dialog opens for it (at most the 100 a batch decides). */
function useTraceRows(traceId: string | null): PendingActionRow[] | null {
  const [rows, setRows] = useState<{ traceId: string; rows: PendingActionRow[] } | null>(null);
  useEffect(() => {
    if (!traceId) return;
    let current = true;
    void fetch(`/queue/rows?trace=${encodeURIComponent(traceId)}&sort=oldest&limit=100`, { cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<{ rows: PendingActionRow[] }>) : { rows: [] }))
      .then((page) => current && setRows({ traceId, rows: page.rows }));
    return () => {
      current = false;
    };
  }, [traceId]);
  return rows && rows.traceId === traceId ? rows.rows : null;
}

/** What to weigh before deciding: the risk flags with their causes, the agent's reason and the requester. */
function WeighNote({ action, full }: { action: PendingActionRow; full: boolean }) {
  return (
    <div className="mt-1 flex flex-col gap-1">
      {action.riskFlags.length > 0 ? (
        <div className="flex flex-wrap gap-1" aria-label="Risk flags">
          {action.riskFlags.map((flag, index) => (
            <RiskFlagBadge
              key={index}
              code={flag.code}
              label={flag.label}
              severity={flag.severity}
              causes={[flag.cause]}
            />
          ))}
        </div>
      ) : full ? (
        <p className="text-xs text-gray-600">No risk flags.</p>
      ) : null}
      {full && action.riskFlags.length > 0 ? (
        <ul className="list-disc pl-5 text-xs text-gray-700">
          {action.riskFlags.map((flag, index) => (
            <li key={index} className="break-words">
              {flag.label}: <InertText text={flag.cause} />
            </li>
          ))}
        </ul>
      ) : null}
      {full ? (
        <p className="text-xs break-words text-gray-700">
          <span className="font-medium text-gray-900">Agent&apos;s reason: </span>
          {action.reason ? <InertText text={action.reason} /> : <span className="text-gray-500">none given</span>}
        </p>
      ) : null}
      {full ? (
        <p className="text-xs break-words text-gray-700">
          <span className="font-medium text-gray-900">Requester: </span>
          {action.requester ? (
            <>
              <InertText text={action.requester} />{' '}
              {action.requesterVerified ? '(verified)' : '(named by the agent, not verified)'}
            </>
          ) : (
            <span className="text-gray-500">none named</span>
          )}
        </p>
      ) : null}
    </div>
  );
}

function GoneNote({ removal }: { removal: QueueRemoval }) {
  const by = removal.decidedBy ? ` by ${removal.decidedBy}` : '';
  const what =
    removal.status === 'rejected'
      ? `Rejected${by} just now`
      : removal.status === 'expired'
        ? 'Expired just now'
        : removal.status === 'approved' ||
            removal.status === 'executing' ||
            removal.status === 'succeeded' ||
            removal.status === 'failed'
          ? `Approved${by} just now`
          : 'No longer pending';
  return (
    <p className="mt-0.5 text-xs font-medium text-amber-900" role="status">
      {what}: it will not be decided here.
    </p>
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
      return (
        <Badge tone="blue">
          Approval recorded ({result.approvals} of {result.required})
        </Badge>
      );
    case 'refused':
      return <Badge tone="amber">Not decided</Badge>;
  }
}

/** Why an action was not decided, or what it still needs. */
function ResultNote({ result }: { result: BatchItemResult | undefined }) {
  if (result?.result === 'refused') return <p className="mt-1 text-xs text-gray-700">{result.reason}</p>;
  if (result?.result === 'needs_more_approvals') {
    return (
      <p className="mt-1 text-xs text-gray-700">
        Another reviewer must approve too
        {result.missingGroups.length > 0 ? `, from ${result.missingGroups.join(' and ')}` : ''}.
      </p>
    );
  }
  return null;
}
