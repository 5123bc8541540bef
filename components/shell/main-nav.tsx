'use client';

import {
  Bell,
  BookOpen,
  Bot,
  ChartColumn,
  FilePen,
  Inbox,
  OctagonPause,
  Plug,
  Scale,
  ScrollText,
  Siren,
  UserCog,
  UsersRound,
  Wrench,
} from 'lucide-react';
import { usePathname } from 'next/navigation';
import { cn } from '../ui/cn';
import { IntentPrefetchLink } from '../ui/intent-prefetch-link';
import { useQueueEvents } from './queue-events';

const LINKS = [
  { href: '/queue', label: 'Queue', icon: Inbox, matches: ['/queue', '/actions'] },
  { href: '/drafts', label: 'Drafts', icon: FilePen, matches: ['/drafts'] },
  { href: '/agents', label: 'Agents', icon: Bot, matches: ['/agents'] },
  { href: '/tools', label: 'Tools', icon: Wrench, matches: ['/tools'] },
  { href: '/mcp-servers', label: 'MCP servers', icon: Plug, matches: ['/mcp-servers'] },
  { href: '/reviewers', label: 'Reviewers', icon: UsersRound, matches: ['/reviewers'] },
  { href: '/floors', label: 'Floors', icon: Scale, matches: ['/floors'] },
  { href: '/controls', label: 'Controls', icon: OctagonPause, matches: ['/controls'] },
  { href: '/incidents', label: 'Incidents', icon: Siren, matches: ['/incidents'] },
  { href: '/audit', label: 'Audit', icon: ScrollText, matches: ['/audit'] },
  { href: '/notifications', label: 'Notifications', icon: Bell, matches: ['/notifications'] },
  { href: '/analytics', label: 'Analytics', icon: ChartColumn, matches: ['/analytics'] },
  { href: '/api-reference', label: 'API reference', icon: BookOpen, matches: ['/api-reference'] },
  { href: '/users', label: 'Users', icon: UserCog, matches: ['/users'] },
];

/**
 * The console's sections (less those the user's roles cannot open); tabs on phones, a sidebar column on wide screens.
 * Each section is a data-heavy dynamic page: prefetched when reached for, not on every page view and live refresh.
 */
export function MainNav({
  pendingCount: rendered,
  hide = [],
  className,
}: {
  pendingCount: number;
  hide?: string[];
  className?: string;
}) {
  const pathname = usePathname();
  // Kept fresh by the live queue's events (one shared connection per tab); the server's count until the first one.
  const pendingCount = useQueueEvents().pending ?? rendered;
  return (
    <nav aria-label="Main" className={cn('border-t border-gray-100 lg:border-t-0', className)}>
      <ul className="flex gap-1 overflow-x-auto px-3 py-2 lg:flex-col lg:px-0 lg:py-0">
        {LINKS.filter(({ href }) => !hide.includes(href)).map(({ href, label, icon: Icon, matches }) => {
          const active = matches.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
          return (
            <li key={href}>
              <IntentPrefetchLink
                href={href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-indigo-600',
                  active ? 'bg-indigo-50 text-indigo-800' : 'text-gray-700 hover:bg-gray-100 hover:text-gray-900',
                )}
              >
                <Icon aria-hidden className="size-4" />
                {label}
                {href === '/queue' && pendingCount > 0 ? (
                  <span className="ml-auto rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 tabular-nums">
                    {pendingCount.toLocaleString('en-US')}
                    <span className="sr-only"> pending</span>
                  </span>
                ) : null}
              </IntentPrefetchLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
