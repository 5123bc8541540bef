import Link from 'next/link';
import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Plain table primitives; wide tables scroll sideways inside their card on small screens. */
export function Table({ className, ...props }: ComponentProps<'table'>) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function Th({ className, ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope="col"
      className={cn(
        'border-b border-gray-200 bg-gray-50 px-3 py-2 text-xs font-semibold whitespace-nowrap text-gray-600 first:pl-4 last:pr-4 sm:first:pl-5',
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: ComponentProps<'td'>) {
  return (
    <td
      className={cn(
        'border-b border-gray-100 px-3 py-2.5 align-top text-gray-800 first:pl-4 last:pr-4 sm:first:pl-5',
        className,
      )}
      {...props}
    />
  );
}

export const TABLE_LINK_CLASS = 'font-medium text-indigo-700 hover:text-indigo-900 hover:underline';

export function TableLink({ className, ...props }: ComponentProps<typeof Link>) {
  return <Link className={cn(TABLE_LINK_CLASS, className)} {...props} />;
}
