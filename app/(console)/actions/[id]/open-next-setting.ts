'use client';

import { useCallback, useSyncExternalStore } from 'react';

/** Per browser, like a reviewer's other habits; absent means on (a review console is worked through, one after another). */
const KEY = 'warden.review.openNextAfterDecision';
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true; // storage refused (private mode): the default
  }
}

/** "After deciding, open the next action": remembered in localStorage, shared by every open card of this browser. */
export function useOpenNextSetting(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, read, () => true);
  const set = useCallback((next: boolean) => {
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // not remembered; the checkbox still shows the choice for this page
    }
    for (const listener of listeners) listener();
  }, []);
  return [on, set];
}
