import { InertText } from '@/components/inert-text';

/** One parameter value as text: strings as written, everything else as JSON (so 42 and "42" differ visibly). */
export function ValueText({ value, className }: { value: unknown; className?: string }) {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return <InertText text={text} className={className ?? 'font-mono text-[13px] break-words whitespace-pre-wrap'} />;
}
