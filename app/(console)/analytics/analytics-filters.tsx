import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { RangeForm } from '@/lib/analytics/review-range';

/** A plain GET form: a range is a URL that can be shared, and it works without JavaScript. */
export function AnalyticsFilters({ values, isDefault }: { values: RangeForm; isDefault: boolean }) {
  return (
    <form
      method="get"
      action="/analytics"
      className="grid gap-3 px-4 py-3 sm:grid-cols-3 sm:px-5 lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]"
    >
      <div>
        <Label htmlFor="analytics-from">From</Label>
        <Input
          id="analytics-from"
          name="from"
          type="date"
          defaultValue={values.from}
          aria-describedby="analytics-utc-note"
        />
      </div>
      <div>
        <Label htmlFor="analytics-to">To</Label>
        <Input id="analytics-to" name="to" type="date" defaultValue={values.to} aria-describedby="analytics-utc-note" />
      </div>
      <div>
        <Label htmlFor="analytics-threshold">Fast decision threshold (seconds)</Label>
        <Input
          id="analytics-threshold"
          name="threshold"
          type="number"
          min={1}
          max={3600}
          step={1}
          inputMode="numeric"
          defaultValue={values.threshold}
        />
      </div>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {isDefault ? null : (
          <Link
            href="/analytics"
            className="h-10 content-center text-sm font-medium whitespace-nowrap text-indigo-700 hover:underline"
          >
            Last 30 days
          </Link>
        )}
      </div>
      <p id="analytics-utc-note" className="text-xs text-gray-600 sm:col-span-3 lg:col-span-4">
        Days are UTC, From and To both included. A decision on a create, update or external action taken faster than the
        threshold after its reviewer opened the action counts as fast (from the proposal when no open was recorded).
      </p>
    </form>
  );
}
