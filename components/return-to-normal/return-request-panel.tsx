'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input, Label, Textarea } from '@/components/ui/field';
import { LocalTime } from '@/components/viewer-zone';

type Result = { ok: true; data: unknown } | { ok: false; error: string };

export type RequestView = {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired';
  reason: string;
  requestedBy: string | null;
  requestedAt: Date;
  expiresAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  singleAdmin: boolean;
};

export type ReturnRequestActions = {
  request: (input: { reason: string }) => Promise<Result>;
  approve: (input: { requestId: string; note: string }) => Promise<Result>;
  reject: (input: { requestId: string; note: string }) => Promise<Result>;
  cancel: (input: { requestId: string }) => Promise<Result>;
  releaseAlone: (input: { reason: string; password: string }) => Promise<Result>;
};

type Props = {
  /** "release" on Controls (the global stop), "return to normal" for an incident. */
  noun: 'release' | 'return to normal';
  actions: ReturnRequestActions;
  pending: RequestView | null;
  history: RequestView[];
  nothingToDo: boolean;
  viewer: { approveRefusal: string | null; rejectRefusal: string | null; canCancel: boolean; singleAdmin: boolean };
  ttlMinutes: number;
};

const STATUS_TONE: Record<RequestView['status'], BadgeTone> = {
  pending: 'amber',
  approved: 'green',
  rejected: 'red',
  cancelled: 'gray',
  expired: 'gray',
};

/**
 * The two-person return to normal: ask with a reason; another admin approves or rejects before it expires; the
 * requester may cancel; a workspace's only admin releases alone with their password. The server decides every rule
 * again; this only shows what applies to the viewer.
 */
export function ReturnRequestPanel({ noun, actions, pending, history, nothingToDo, viewer, ttlMinutes }: Props) {
  const title = noun === 'release' ? 'Release' : 'Return to normal';
  // The latest request, when it expired unapproved, stays in view as such (until a new one is asked for).
  const lastExpired = !pending && history[0]?.status === 'expired' ? history[0] : null;
  const earlier = lastExpired ? history.slice(1) : history;
  return (
    <div className="flex flex-col gap-5">
      {(pending ?? lastExpired) ? (
        <PendingRequest
          key={(pending ?? lastExpired)!.id}
          noun={noun}
          actions={actions}
          request={(pending ?? lastExpired)!}
          viewer={viewer}
        />
      ) : null}
      {/* The only active admin has nobody to ask: a request could only expire. */}
      {!pending && !nothingToDo && !viewer.singleAdmin ? (
        <RequestForm noun={noun} actions={actions} ttlMinutes={ttlMinutes} />
      ) : null}
      {!pending && !nothingToDo && viewer.singleAdmin ? (
        <SingleAdminForm noun={noun} title={title} actions={actions} />
      ) : null}
      {earlier.length > 0 ? <History requests={earlier} /> : null}
    </div>
  );
}

function useSubmit() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  function run(call: () => Promise<Result>, onDone?: () => void) {
    startTransition(async () => {
      const result = await call();
      setError(result.ok ? null : result.error);
      if (result.ok) {
        onDone?.();
        router.refresh();
      }
    });
  }
  return { error, busy, run };
}

function PendingRequest({
  noun,
  actions,
  request,
  viewer,
}: {
  noun: Props['noun'];
  actions: ReturnRequestActions;
  request: RequestView;
  viewer: Props['viewer'];
}) {
  const headingId = useId();
  const noteId = useId();
  const router = useRouter();
  const [expired, setExpired] = useState(request.status === 'expired');
  const { error, busy, run } = useSubmit();
  const [note, setNote] = useState('');

  // The request stops being approvable at expiresAt: say so then, and read the page again (the server agrees).
  useEffect(() => {
    if (request.status !== 'pending') return;
    const left = Math.max(0, request.expiresAt.getTime() - Date.now());
    const timer = setTimeout(
      () => {
        setExpired(true);
        router.refresh();
      },
      Math.min(left + 250, 2 ** 31 - 1),
    );
    return () => clearTimeout(timer);
  }, [request.expiresAt, request.status, router]);

  const approveLabel = noun === 'release' ? 'Approve release' : 'Approve the return to normal';
  return (
    <section aria-labelledby={headingId} className="rounded-md border border-amber-200 bg-amber-50 p-4">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold text-gray-900">
        {expired ? 'Request expired' : 'Waiting for a second admin'}{' '}
        <Badge tone={expired ? 'gray' : 'amber'}>{expired ? 'expired' : 'pending'}</Badge>
      </h3>
      <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-gray-600">Reason</dt>
        <dd className="break-words text-gray-900">{request.reason}</dd>
        <dt className="text-gray-600">Asked by</dt>
        <dd className="text-gray-900">
          {request.requestedBy ?? 'unknown'} · <LocalTime iso={request.requestedAt.toISOString()} />
        </dd>
        <dt className="text-gray-600">{expired ? 'Expired' : 'Expires'}</dt>
        <dd className="text-gray-900">
          <LocalTime iso={request.expiresAt.toISOString()} />
        </dd>
      </dl>
      {expired ? (
        <p className="mt-3 text-sm text-gray-800">
          Nobody approved it in time: nothing was released. Ask again when ready.
        </p>
      ) : (
        <div className="mt-3 flex flex-col gap-3">
          {viewer.approveRefusal === null ? (
            <>
              <div className="flex flex-col gap-1">
                <Label htmlFor={noteId}>Note (optional)</Label>
                <Textarea
                  id={noteId}
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  maxLength={500}
                  rows={2}
                />
              </div>
              <div className="flex flex-wrap gap-2">
                <Button
                  variant="success"
                  disabled={busy}
                  onClick={() => run(() => actions.approve({ requestId: request.id, note }))}
                >
                  {approveLabel}
                </Button>
                <Button
                  variant="secondary"
                  disabled={busy}
                  onClick={() => run(() => actions.reject({ requestId: request.id, note }))}
                >
                  Reject
                </Button>
              </div>
            </>
          ) : (
            <p className="text-sm text-gray-800">{viewer.approveRefusal}</p>
          )}
          {viewer.canCancel ? (
            <div>
              <Button
                variant="secondary"
                disabled={busy}
                onClick={() => run(() => actions.cancel({ requestId: request.id }))}
              >
                Cancel request
              </Button>
            </div>
          ) : null}
          {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        </div>
      )}
    </section>
  );
}

function RequestForm({
  noun,
  actions,
  ttlMinutes,
}: {
  noun: Props['noun'];
  actions: ReturnRequestActions;
  ttlMinutes: number;
}) {
  const reasonId = useId();
  const { error, busy, run } = useSubmit();
  const label = noun === 'release' ? 'Request release' : 'Request the return to normal';
  return (
    // onSubmit, not action=: React resets an action form after each submit, and a refusal should not cost the reason.
    <form
      aria-label={label}
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        run(
          () => actions.request({ reason: String(new FormData(form).get('reason') ?? '') }),
          () => form.reset(),
        );
      }}
    >
      <Label htmlFor={reasonId}>Reason for the {noun}</Label>
      <Textarea id={reasonId} name="reason" required maxLength={500} rows={2} />
      <p className="text-xs text-gray-600">
        Another admin must approve within {formatMinutes(ttlMinutes)}; you cannot approve your own request.
      </p>
      <div>
        <Button type="submit" disabled={busy}>
          {label}
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </form>
  );
}

function SingleAdminForm({
  noun,
  title,
  actions,
}: {
  noun: Props['noun'];
  title: string;
  actions: ReturnRequestActions;
}) {
  const fieldId = useId();
  const { error, busy, run } = useSubmit();
  return (
    <form
      aria-label={`${title} as the only admin`}
      className="flex flex-col gap-2 rounded-md border border-gray-200 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        run(() =>
          actions.releaseAlone({
            reason: String(form.get('reason') ?? ''),
            password: String(form.get('password') ?? ''),
          }),
        );
      }}
    >
      <p className="text-sm text-gray-800">
        You are this workspace&apos;s only active admin, so nobody can approve a request. You may do the {noun} alone
        with your password again; the audit log records that one admin did it.
      </p>
      <Label htmlFor={`${fieldId}-reason`}>Reason</Label>
      <Textarea id={`${fieldId}-reason`} name="reason" required maxLength={500} rows={2} />
      <Label htmlFor={`${fieldId}-password`}>Your password</Label>
      <Input id={`${fieldId}-password`} name="password" type="password" required autoComplete="current-password" />
      <div>
        <Button type="submit" variant="danger" disabled={busy}>
          {noun === 'release' ? 'Release as the only admin' : 'Return to normal as the only admin'}
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </form>
  );
}

function History({ requests }: { requests: RequestView[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold text-gray-900">
        Earlier requests
      </h3>
      <ul className="mt-2 divide-y divide-gray-100 text-sm">
        {requests.map((request) => (
          <li key={request.id} className="py-2">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={STATUS_TONE[request.status]}>{request.status}</Badge>
              {request.singleAdmin ? <Badge tone="violet">single admin</Badge> : null}
              <span className="break-words text-gray-900">{request.reason}</span>
            </p>
            <p className="mt-0.5 text-xs text-gray-600">
              Asked by {request.requestedBy ?? 'unknown'} · <LocalTime iso={request.requestedAt.toISOString()} />
              {request.decidedAt && request.status !== 'expired' ? (
                <>
                  {' '}
                  · {request.status} by {request.decidedBy ?? 'unknown'} ·{' '}
                  <LocalTime iso={request.decidedAt.toISOString()} />
                </>
              ) : null}
              {request.decisionNote ? <> · note: {request.decisionNote}</> : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} seconds`;
  if (minutes < 120) return `${Math.round(minutes)} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}
