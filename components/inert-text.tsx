import { Fragment } from 'react';
import { cn } from './ui/cn';
import { charToken, codePointLabel, segmentText, type InvisibleChar } from '@/lib/review/inspect-text';

/**
 * Text written by an agent, rendered as plain text (React escapes it, so tags stay text) with every invisible or
 * control character replaced by a visible token, e.g. ⟦U+202E RLO⟧: a right-to-left override can no longer reverse
 * what the reviewer reads, and a zero-width space can no longer hide inside a look-alike word.
 */
export function InertText({ text, className }: { text: string; className?: string }) {
  const segments = segmentText(text);
  return (
    <span className={className}>
      {segments.map((segment, index) =>
        typeof segment === 'string' ? (
          <Fragment key={index}>{segment}</Fragment>
        ) : (
          <CharToken key={index} char={segment} />
        ),
      )}
    </span>
  );
}

function CharToken({ char }: { char: InvisibleChar }) {
  return (
    <span
      data-invisible-char={codePointLabel(char.codePoint)}
      title={`${char.name} (${codePointLabel(char.codePoint)}), shown because it is invisible or changes how text reads`}
      className={cn(
        'mx-px rounded-sm px-0.5 font-mono text-[0.8em] font-semibold ring-1 ring-inset',
        'bg-rose-100 text-rose-800 ring-rose-300',
      )}
    >
      {charToken(char)}
    </span>
  );
}
