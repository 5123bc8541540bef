import { CircleAlert } from 'lucide-react';
import { cn } from './cn';

/** An error people need to read now: announced by screen readers (role="alert"). */
export function ErrorAlert({ children, className }: { children: React.ReactNode; className?: string }) {
  return (
    <div
      role="alert"
      className={cn('flex gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800', className)}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 break-words">{children}</div>
    </div>
  );
}
