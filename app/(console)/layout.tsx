import { ShieldCheck } from 'lucide-react';
import { LiveGlobalStopBanner } from '@/components/shell/global-stop-banner';
import { MainNav } from '@/components/shell/main-nav';
import { UserMenu } from '@/components/shell/user-menu';
import { IntentPrefetchLink } from '@/components/ui/intent-prefetch-link';
import { countPendingActions } from '@/lib/actions/count-pending-actions';
import { readStopState } from '@/lib/kill-switches/read-stop-state';
import { canReadNotifications } from '@/lib/notifications/can-read-notifications';
import { requireUser } from './require-user';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireUser();
  const [pendingCount, stopState] = await Promise.all([countPendingActions(actor), readStopState(actor)]);

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      {/* The column stretches to the page's full height (white, bordered); the sidebar inside stays in view while scrolling. */}
      <div className="lg:border-r lg:border-gray-200 lg:bg-white">
        <header className="flex flex-wrap items-center gap-x-3 border-b border-gray-200 bg-white px-4 lg:sticky lg:top-0 lg:h-dvh lg:flex-col lg:flex-nowrap lg:items-stretch lg:overflow-y-auto lg:border-b-0 lg:px-3 lg:py-4">
          {/* Shell links prefetch on intent: otherwise every live refresh of the queue fetched the queue again for this one. */}
          <IntentPrefetchLink
            href="/queue"
            className="flex h-14 items-center gap-2 rounded-md font-semibold text-gray-900 lg:h-auto lg:px-2 lg:pb-4"
          >
            <ShieldCheck aria-hidden className="size-6 text-indigo-600" />
            <span className="text-lg tracking-tight">Warden</span>
          </IntentPrefetchLink>
          <UserMenu
            name={actor.name}
            email={actor.email}
            roles={actor.roles}
            className="ml-auto lg:order-last lg:mt-auto lg:ml-0"
          />
          <MainNav
            pendingCount={pendingCount}
            hide={[
              ...(canReadNotifications(actor) ? [] : ['/notifications']),
              ...(actor.roles.includes('admin') ? [] : ['/users', '/incidents', '/mcp-servers']),
              ...(actor.roles.some((r) => r === 'admin' || r === 'owner') ? [] : ['/controls']),
            ]}
            className="-mx-4 w-[calc(100%+2rem)] lg:mx-0 lg:w-auto"
          />
        </header>
      </div>
      <div className="min-w-0">
        {/* Live across app instances: polls the stop each second (components/shell/global-stop-banner.tsx). */}
        <LiveGlobalStopBanner initial={stopState} />
        <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:py-8">{children}</main>
      </div>
    </div>
  );
}
