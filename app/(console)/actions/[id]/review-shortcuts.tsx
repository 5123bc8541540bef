'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { KeyboardHint, shortcutKey } from '@/components/keyboard-shortcuts';

/** The decision form marks its controls with data-review-shortcut="comment|approve|reject" (see decision-form.tsx). */
function control(name: 'comment' | 'approve' | 'reject') {
  return document.querySelector<HTMLElement>(`[data-review-shortcut="${name}"]`);
}

/**
 * a approves (the same button, so the same server action and comment); u or Esc goes back to the queue.
 * Rejecting stays deliberate: r only moves the cursor into the comment box, and Enter there rejects
 * (Shift+Enter is a new line, Esc or leaving the box cancels).
 */
export function ReviewShortcuts({ canDecide }: { canDecide: boolean }) {
  const router = useRouter();
  const [rejecting, setRejecting] = useState(false);

  useEffect(() => {
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
      } else if (key === 'a' && control('approve')) {
        event.preventDefault();
        control('approve')!.click();
      } else if (key === 'r' && comment) {
        event.preventDefault(); // or the "r" would be typed into the box it focuses
        comment.focus();
        setRejecting(true);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [rejecting, router]);

  useEffect(() => {
    const comment = control('comment');
    if (!rejecting || !comment) return;
    const cancel = () => setRejecting(false);
    comment.addEventListener('blur', cancel);
    return () => comment.removeEventListener('blur', cancel);
  }, [rejecting]);

  return (
    <div className="flex flex-col gap-2">
      {rejecting ? (
        <p role="status" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          Rejecting: write why in the comment box, then press <kbd className="font-mono font-semibold">Enter</kbd> to reject
          (Shift+Enter for a new line). <kbd className="font-mono font-semibold">Esc</kbd> cancels.
        </p>
      ) : null}
      <KeyboardHint
        hints={[
          ...(canDecide ? [{ keys: ['a'], label: 'approve' }, { keys: ['r'], label: 'reject' }] : []),
          { keys: ['u', 'Esc'], label: 'back to queue' },
        ]}
      />
    </div>
  );
}
