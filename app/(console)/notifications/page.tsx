import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { canReadNotifications } from '@/lib/notifications/can-read-notifications';
import { listChannels } from '@/lib/notifications/list-channels';
import { listDeliveries } from '@/lib/notifications/list-deliveries';
import { deliveryFilterSchema } from '@/lib/notifications/schemas';
import { requireUser } from '../require-user';
import { ChannelsTable } from './channels-table';
import { CreateChannelForm } from './create-channel-form';
import { DeliveriesTable } from './deliveries-table';
import { DeliveryFilters } from './delivery-filters';
import { ReceiverHelp } from './receiver-help';

export const metadata: Metadata = { title: 'Notifications' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Channels (admins manage them) and the delivery log (admins and reviewers read it). */
export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireUser();
  const canManage = can(actor, 'reviewers.manage');
  if (!canReadNotifications(actor)) {
    return (
      <AccessDenied title="Notifications">
        Admins and reviewers see the notification channels and their delivery log.
      </AccessDenied>
    );
  }

  const params = await searchParams;
  const parsed = deliveryFilterSchema.safeParse({
    channelId: single(params.channel) || undefined,
    status: single(params.status) || undefined,
  });
  const filter = parsed.success ? parsed.data : {};
  const [{ channels, groups }, deliveries] = await Promise.all([listChannels(actor), listDeliveries(actor, filter)]);

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Where Warden tells reviewers that an action waits for them (and when it is escalated), and admins what they asked to hear at once — switches, pauses, expiries, failing channels: signed webhooks and Slack."
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="channels-heading">
          <CardHeader
            id="channels-heading"
            title="Channels"
            description="A channel of a reviewer group hears that group's requests; one of every group hears all."
          />
          <ChannelsTable channels={channels} canManage={canManage} />
          {canManage ? (
            <CardBody className="border-t border-gray-200">
              <h3 className="mb-3 text-sm font-semibold text-gray-900">Add a channel</h3>
              <CreateChannelForm groups={groups} />
            </CardBody>
          ) : null}
        </Card>

        <Card aria-labelledby="deliveries-heading">
          <CardHeader
            id="deliveries-heading"
            title="Delivery log"
            description="The latest 100 deliveries, newest first. Failed attempts are retried with growing delays."
          />
          <DeliveryFilters channels={channels} values={{ channel: filter.channelId, status: filter.status }} />
          <DeliveriesTable deliveries={deliveries} filtered={Boolean(filter.channelId || filter.status)} />
        </Card>

        <ReceiverHelp />
      </div>
    </>
  );
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
