'use client';

import { useMemo, useState, type PointerEvent } from 'react';

/**
 * While the reviewer's pointer is on the list, new arrivals wait: on a busy queue, rows entering at the top would
 * push down the row about to be clicked, and the click would open another action. Rows that leave (decided,
 * expired) still leave, and every row shown stays current. When the pointer leaves, or on `showWaiting`, the waiting
 * rows appear. Touch has no hover, so a tap holds nothing.
 */
export function useHeldArrivals<Row extends { id: string }>(rows: Row[]) {
  const [shownIds, setShownIds] = useState<ReadonlySet<string> | null>(null);
  const visible = useMemo(() => (shownIds ? rows.filter((row) => shownIds.has(row.id)) : rows), [rows, shownIds]);
  const showAll = () => new Set(rows.map((row) => row.id));

  return {
    visible,
    waiting: rows.length - visible.length,
    showWaiting: () => setShownIds(showAll()),
    holdHandlers: {
      onPointerEnter: (event: PointerEvent) => {
        if (event.pointerType !== 'touch') setShownIds(showAll());
      },
      onPointerLeave: () => setShownIds(null),
    },
  };
}
