'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { isInteractiveTarget, KeyboardHint, shortcutKey } from '@/components/keyboard-shortcuts';

const DOWN = new Set(['j', 'ArrowDown']);
const UP = new Set(['k', 'ArrowUp']);

/**
 * j/k (or the arrow keys) move a selection through the queue's rows, o or Enter opens the selected action.
 * Rows are read from the DOM (`tr[data-row-id]`) so the order is the one on screen, whatever column the table is sorted by.
 */
export function QueueKeyboard({ selected, onSelect, children }: { selected: string | null; onSelect: (id: string) => void; children: React.ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const router = useRouter();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const key = shortcutKey(event);
      if (!key || !container.current) return;
      const rows = Array.from(container.current.querySelectorAll<HTMLElement>('tr[data-row-id]'));
      const index = rows.findIndex((row) => row.dataset.rowId === selected);
      if (DOWN.has(key) || UP.has(key)) {
        if (rows.length === 0) return;
        event.preventDefault(); // the arrows would also scroll the page
        const next = index === -1 ? 0 : Math.min(Math.max(index + (DOWN.has(key) ? 1 : -1), 0), rows.length - 1);
        onSelect(rows[next].dataset.rowId!);
        rows[next].scrollIntoView({ block: 'nearest' });
      } else if ((key === 'o' || (key === 'Enter' && !isInteractiveTarget(event.target))) && index !== -1 && !event.repeat) {
        event.preventDefault();
        router.push(`/actions/${encodeURIComponent(rows[index].dataset.rowId!)}`);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [selected, onSelect, router]);

  return (
    <div ref={container}>
      {children}
      <KeyboardHint
        className="border-t border-gray-200 px-4 py-2 text-xs text-gray-600 sm:px-5"
        hints={[
          { keys: ['j', 'k'], label: 'move' },
          { keys: ['o'], label: 'open' },
        ]}
      />
    </div>
  );
}
