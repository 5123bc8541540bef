import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import { DELIVERY_STATUSES } from '@/lib/notifications/schemas';

/** A plain GET form, like the audit log's: a filtered log is a URL, and it works without JavaScript. */
export function DeliveryFilters({
  channels,
  values,
}: {
  channels: { id: string; name: string }[];
  values: { channel?: string; status?: string };
}) {
  const active = Boolean(values.channel || values.status);
  return (
    <form
      method="get"
      action="/notifications"
      className="grid gap-3 border-b border-gray-200 px-4 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] sm:px-5"
    >
      <div>
        <Label htmlFor="delivery-channel">Channel</Label>
        <Select id="delivery-channel" name="channel" defaultValue={values.channel ?? ''}>
          <option value="">All channels</option>
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="delivery-status">Status</Label>
        <Select id="delivery-status" name="status" defaultValue={values.status ?? ''}>
          <option value="">Any status</option>
          {DELIVERY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status[0].toUpperCase() + status.slice(1)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        {active ? (
          <Link
            href="/notifications"
            className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline"
          >
            Clear
          </Link>
        ) : null}
      </div>
    </form>
  );
}
