import { ClippedText } from '@/components/clipped-text';

/**
 * One parameter value as text: strings as written, everything else as JSON (so 42 and "42" differ visibly), clipped
 * at the display limit unless `shown` (see ClippedText).
 */
export function ValueText({
  value,
  className,
  showKey,
  shown,
}: {
  value: unknown;
  className?: string;
  showKey?: string;
  shown?: boolean;
}) {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return (
    <ClippedText
      text={text}
      showKey={showKey}
      shown={shown}
      className={className ?? 'font-mono text-[13px] break-words whitespace-pre-wrap'}
    />
  );
}
