import { ShieldAlert } from 'lucide-react';
import { InertText } from './inert-text';
import { cn } from './ui/cn';
import { describeFlag, type FlaggedPath } from '@/lib/review/inspect-text';

/**
 * The warning beside agent-written text that carries markup or invisible characters: which field, and what it
 * contains. Markup is harmless here (it is shown as text) but may be obeyed wherever the tool sends it.
 */
export function HostileTextFlags({ flagged, className }: { flagged: FlaggedPath[]; className?: string }) {
  if (flagged.length === 0) return null;
  return (
    <div
      className={cn('rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900', className)}
      data-testid="hostile-text-flags"
    >
      <p className="flex items-center gap-2 font-semibold">
        <ShieldAlert aria-hidden className="size-4 shrink-0" />
        Read with care: this text contains markup or hidden characters
      </p>
      <ul className="mt-1 flex flex-col gap-0.5 pl-6">
        {flagged.map((entry) => (
          <li key={entry.path} className="break-words">
            <code className="font-mono text-[13px] font-medium">
              <InertText text={entry.path} />
            </code>
            : contains {entry.flags.map(describeFlag).join(', ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
