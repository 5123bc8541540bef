'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { isInteractiveTarget, KeyboardHint, shortcutKey, type ShortcutHint } from '@/components/keyboard-shortcuts';

const DOWN = new Set(['j', 'ArrowDown']);
const UP = new Set(['k', 'ArrowUp']);

type Props = {
  selected: string | null;
  /** No rows: the shortcuts have nothing to act on. */
  hideHints?: boolean;
  onSelect: (id: string) => void;
  /** a / r on the selected row: open the confirmation for approving or rejecting it. Absent for people who cannot decide. */
  onDecide?: (id: string, decision: 'approved' | 'rejected') => void;
  /** t on the selected row: open the confirmation for its whole trace, when it has one. */
  onTrace?: (id: string) => void;
  children: React.ReactNode;
};

/**
 * j/k (or the arrow keys) move a selection through the queue's rows, o or Enter opens the selected action, a/r open
 * the approve/reject confirmation for it, t the one for its whole trace. Rows are read from the DOM
 * (`tr[data-row-id]`) so the order is the one on screen, whatever column the table is sorted by. When the selected
 * row leaves the queue (someone decided it, a live update), the selection moves to the row now in its place.
 */
export function QueueKeyboard({ selected, onSelect, onDecide, onTrace, hideHints, children }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const lastIndex = useRef(-1);
  const router = useRouter();

  useLayoutEffect(() => {
    if (!selected || !container.current) return;
    const rows = Array.from(container.current.querySelectorAll<HTMLElement>('tr[data-row-id]'));
    const index = rows.findIndex((row) => row.dataset.rowId === selected);
    if (index !== -1) lastIndex.current = index;
    else if (rows.length > 0 && lastIndex.current !== -1)
      onSelect(rows[Math.min(lastIndex.current, rows.length - 1)].dataset.rowId!);
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = shortcutKey(event);
      if (!key || !container.current) return;
      const rows = Array.from(container.current.querySelectorAll<HTMLElement>('tr[data-row-id]'));
      const index = rows.findIndex((row) => row.dataset.rowId === selected);
      const id = index === -1 ? null : rows[index].dataset.rowId!;
      if (DOWN.has(key) || UP.has(key)) {
        if (rows.length === 0) return;
        event.preventDefault(); // the arrows would also scroll the page
        const next = index === -1 ? 0 : Math.min(Math.max(index + (DOWN.has(key) ? 1 : -1), 0), rows.length - 1);
        onSelect(rows[next].dataset.rowId!);
        rows[next].scrollIntoView({ block: 'nearest' });
      } else if (!id || event.repeat) {
        return;
      } else if (key === 'o' || (key === 'Enter' && !isInteractiveTarget(event.target))) {
        event.preventDefault();
        router.push(`/actions/${encodeURIComponent(id)}`);
      } else if ((key === 'a' || key === 'r') && onDecide) {
        event.preventDefault();
        onDecide(id, key === 'a' ? 'approved' : 'rejected');
      } else if (key === 't' && onTrace) {
        event.preventDefault();
        onTrace(id);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [selected, onSelect, onDecide, onTrace, router]);

  const hints: ShortcutHint[] = [
    { keys: ['j', 'k'], label: 'move' },
    { keys: ['o'], label: 'open' },
    ...(onDecide
      ? [
          { keys: ['a'], label: 'approve' },
          { keys: ['r'], label: 'reject' },
        ]
      : []),
    ...(onTrace ? [{ keys: ['t'], label: 'whole trace' }] : []),
  ];
  return (
    <div ref={container}>
      {children}
      {hideHints ? null : (
        <KeyboardHint className="border-t border-gray-200 px-4 py-2 text-xs text-gray-600 sm:px-5" hints={hints} />
      )}
    </div>
  );
}
