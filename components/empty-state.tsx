import { Inbox } from 'lucide-react';

export function EmptyState({ title, description }: { title: string; description?: React.ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-2 px-4 py-12 text-center">
      <Inbox aria-hidden className="size-8 text-gray-400" />
      <p className="text-sm font-semibold text-gray-900">{title}</p>
      {description ? <p className="max-w-sm text-sm text-gray-600">{description}</p> : null}
    </div>
  );
}
