'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect } from 'react';
import { KeyboardHint, shortcutKey } from '@/components/keyboard-shortcuts';
import { useDecision } from './decision-context';

/** The decision form marks its controls with data-review-shortcut="comment|approve|reject" (see decision-form.tsx). */
function control(name: 'comment' | 'approve' | 'reject') {
  return document.querySelector<HTMLElement>(`[data-review-shortcut="${name}"]`);
}

/**
 * a approves as the Approve button does: at once for a read or a draft, through the confirmation for anything that
 * changes the world (never one keystroke). Rejecting stays deliberate: r only moves the cursor into the comment box,
 * and Enter there rejects (Shift+Enter is a new line, Esc or leaving the box cancels). u or Esc goes back to the queue.
 */
export function ReviewShortcuts() {
  const router = useRouter();
  const { canDecide, needsConfirmation, requestApprove, startReject, rejecting, setRejecting } = useDecision();

  // A layout effect: the keys work from the moment the enabled buttons are on screen, not a paint later.
  useLayoutEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const comment = control('comment');
      if (rejecting && comment && event.target === comment) {
        const bare = !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.isComposing;
        if (event.key === 'Enter' && bare) {
          event.preventDefault();
          control('reject')?.click();
          setRejecting(false);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          comment.blur();
        }
        return;
      }
      const key = shortcutKey(event);
      if (!key || event.repeat) return;
      if (key === 'u' || key === 'Escape') {
        event.preventDefault();
        router.push('/queue');
      } else if (key === 'a' && canDecide) {
        event.preventDefault();
        requestApprove();
      } else if (key === 'r' && canDecide) {
        event.preventDefault(); // or the "r" would be typed into the box it focuses
        startReject();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [rejecting, setRejecting, canDecide, requestApprove, startReject, router]);

  useEffect(() => {
    const comment = control('comment');
    if (!rejecting || !comment) return;
    const cancel = () => setRejecting(false);
    comment.addEventListener('blur', cancel);
    return () => comment.removeEventListener('blur', cancel);
  }, [rejecting, setRejecting]);

  return (
    <div className="flex flex-col gap-2">
      {rejecting ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          Rejecting: write why in the comment box, then press <kbd className="font-mono font-semibold">Enter</kbd> to
          reject (Shift+Enter for a new line). <kbd className="font-mono font-semibold">Esc</kbd> cancels.
        </p>
      ) : null}
      <KeyboardHint
        hints={[
          ...(canDecide
            ? [
                { keys: ['a'], label: needsConfirmation ? 'approve (then confirm)' : 'approve' },
                { keys: ['r'], label: 'reject' },
              ]
            : []),
          { keys: ['u', 'Esc'], label: 'back to queue' },
        ]}
      />
    </div>
  );
}
