import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';

/** The header's button: its accessible name is the column name alone; the arrow is decoration. */
export function SortableHeader({
  direction,
  onClick,
  children,
}: {
  direction: false | 'asc' | 'desc';
  onClick?: (event: unknown) => void;
  children: React.ReactNode;
}) {
  const Icon = direction === 'asc' ? ArrowUp : direction === 'desc' ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onClick}
      className="-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {children}
      <Icon aria-hidden className={direction ? 'size-3.5 text-gray-900' : 'size-3.5 text-gray-400'} />
    </button>
  );
}
