'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

/** The workbench's tabs; each is its own page under /incidents/<id>. */
export function IncidentTabs({ id }: { id: string }) {
  const pathname = usePathname();
  const base = `/incidents/${id}`;
  const tabs = [
    { href: base, label: 'Overview' },
    { href: `${base}/timeline`, label: 'Timeline' },
    { href: `${base}/replay`, label: 'Replay' },
    { href: `${base}/notes`, label: 'Notes' },
    { href: `${base}/recovery`, label: 'Return to normal' },
  ];
  return (
    <nav aria-label="Incident" className="mb-6 border-b border-gray-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {tabs.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600',
                  active
                    ? 'border-indigo-600 text-indigo-800'
                    : 'border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900',
                )}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
