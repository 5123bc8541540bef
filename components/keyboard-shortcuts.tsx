import { Fragment } from 'react';

/**
 * Single-key shortcuts must never steal typing: they fire only for a bare key (no Ctrl, Alt, Meta or Shift),
 * outside text fields and dialogs, and not for keys something else already handled. Returns the key, or null.
 */
export function shortcutKey(event: KeyboardEvent): string | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey)
    return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target && (isTypingTarget(target) || target.closest('[role="dialog"], [role="alertdialog"]'))) return null;
  return event.key;
}

export function isTypingTarget(target: Element): boolean {
  return (
    (target instanceof HTMLElement && target.isContentEditable) || target.closest('input, textarea, select') !== null
  );
}

/** Enter on a focused link or button belongs to that element, not to a page shortcut. */
export function isInteractiveTarget(target: EventTarget | null): boolean {
  return (
    target instanceof Element && target.closest('a[href], button, summary, [role="button"], [role="link"]') !== null
  );
}

export type ShortcutHint = { keys: string[]; label: string };

/** "Keyboard: j/k move · o open", each key in a <kbd>. */
export function KeyboardHint({ hints, className }: { hints: ShortcutHint[]; className?: string }) {
  return (
    <p className={className ?? 'text-xs text-gray-600'}>
      <span className="font-medium">Keyboard:</span>{' '}
      {hints.map((hint, index) => (
        <Fragment key={hint.label}>
          {index > 0 ? <span aria-hidden> · </span> : null}
          <span className="whitespace-nowrap">
            {hint.keys.map((key, keyIndex) => (
              <Fragment key={key}>
                {keyIndex > 0 ? '/' : null}
                <kbd className="rounded border border-gray-300 bg-white px-1 py-px font-mono text-[11px] text-gray-800 shadow-[0_1px_0_var(--color-gray-300)]">
                  {key}
                </kbd>
              </Fragment>
            ))}{' '}
            {hint.label}
          </span>
          {index < hints.length - 1 ? <span className="sr-only">,</span> : null}
        </Fragment>
      ))}
    </p>
  );
}
