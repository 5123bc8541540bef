'use client';

import { useRouter } from 'next/navigation';
import {
  createContext,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { FormState } from '../../define-mutation';
import { reviewActionMutation, findNextPendingActionMutation, recordActionOpenedMutation } from './mutations';
import { ApproveConfirmDialog, type ApprovalSummary } from './approve-confirm-dialog';
import { rememberDecision } from './decided-flash';
import { useDecidedElsewhere, type DecidedElsewhere } from './live-decision';
import { useOpenNextSetting } from './open-next-setting';

export const DECISION_FORM_ID = 'decision-form';

type DecisionState = {
  /** The viewer may approve or reject now: pending, allowed, not already approved by them, not decided meanwhile. */
  canDecide: boolean;
  needsConfirmation: boolean;
  result: FormState;
  submitting: boolean;
  formAction: (formData: FormData) => void;
  /** Approve: the confirmation for anything above read/draft, else the form's approve button at once. */
  requestApprove: () => void;
  /** Reject: into the comment box, where Enter rejects; Esc or leaving the box cancels. */
  startReject: () => void;
  rejecting: boolean;
  setRejecting: (rejecting: boolean) => void;
  decidedElsewhere: DecidedElsewhere | null;
  /** After a decision, with "open the next action" on and nothing left: say so instead of moving. */
  nothingNext: boolean;
  openNext: boolean;
  setOpenNext: (on: boolean) => void;
};

const subscribeToNothing = () => () => {};

const DecisionContext = createContext<DecisionState | null>(null);

export function useDecision(): DecisionState {
  const state = useContext(DecisionContext);
  if (!state) throw new Error('useDecision outside DecisionProvider');
  return state;
}

/** The review card's decision controls live in several places (panel, sticky phone bar, keyboard): one state for all. */
export function DecisionProvider(props: {
  action: { id: string; createdAt: string; pending: boolean };
  viewer: { id: string; canDecide: boolean };
  summary: ApprovalSummary;
  needsConfirmation: boolean;
  children: React.ReactNode;
}) {
  const { action, viewer, summary, needsConfirmation } = props;
  const router = useRouter();
  const [result, formAction, submitting] = useActionState(reviewActionMutation, null);
  const [confirming, setConfirming] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [nothingNext, setNothingNext] = useState(false);
  const [openNext, setOpenNext] = useOpenNextSetting();
  const decidedHere = useRef(false);
  const lastDecision = useRef<'approve' | 'reject'>('approve');
  const decidedElsewhere = useDecidedElsewhere(
    action.id,
    action.pending,
    (decision) => !(decidedHere.current && decision.by?.id === viewer.id),
  );
  // Until hydrated, a click on Approve… or a key would be lost: the controls come alive with their handlers.
  const hydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const canDecide = hydrated && viewer.canDecide && action.pending && !decidedElsewhere;

  // The review clock starts when a reviewer who can decide has the card on screen; the domain records it once.
  useEffect(() => {
    if (viewer.canDecide && action.pending) void recordActionOpenedMutation({ actionId: action.id });
  }, [action.id, action.pending, viewer.canDecide]);

  const handled = useRef<FormState>(null);
  useEffect(() => {
    if (!result || handled.current === result) return;
    handled.current = result;
    if (!result.ok || !openNext) return;
    const decided = {
      id: action.id,
      tool: summary.tool,
      message: result.message ?? null,
      decision: lastDecision.current,
    };
    void findNextPendingActionMutation({ actionId: action.id, createdAt: action.createdAt }).then((next) => {
      if (!next.ok) return; // the decision stands and shows here; only the move on failed
      if (next.data.nextId) {
        rememberDecision(decided);
        router.push(`/actions/${next.data.nextId}`);
      } else {
        setNothingNext(true);
      }
    });
  }, [result, openNext, action.id, action.createdAt, summary.tool, router]);

  const submit = useCallback(
    (formData: FormData) => {
      decidedHere.current = true;
      lastDecision.current = formData.get('decision') === 'reject' ? 'reject' : 'approve';
      setConfirming(false);
      setRejecting(false);
      formAction(formData);
    },
    [formAction],
  );

  const requestApprove = useCallback(() => {
    if (!canDecide || submitting) return;
    if (needsConfirmation) setConfirming(true);
    else document.querySelector<HTMLButtonElement>('[data-review-shortcut="approve"]')?.click();
  }, [canDecide, submitting, needsConfirmation]);

  const startReject = useCallback(() => {
    const comment = document.querySelector<HTMLTextAreaElement>('[data-review-shortcut="comment"]');
    if (!canDecide || !comment) return;
    comment.scrollIntoView({ block: 'center' });
    comment.focus({ preventScroll: true });
    setRejecting(true);
  }, [canDecide]);

  const value: DecisionState = {
    canDecide,
    needsConfirmation,
    result,
    submitting,
    formAction: submit,
    requestApprove,
    startReject,
    rejecting,
    setRejecting,
    decidedElsewhere,
    nothingNext,
    openNext,
    setOpenNext,
  };
  return (
    <DecisionContext.Provider value={value}>
      {props.children}
      {needsConfirmation && canDecide ? (
        <ApproveConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          summary={summary}
          formId={DECISION_FORM_ID}
          submitting={submitting}
        />
      ) : null}
    </DecisionContext.Provider>
  );
}
