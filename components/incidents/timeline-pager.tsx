import Link from 'next/link';
import type { TimelineFilter } from '@/lib/incidents/timeline/schemas';
import { Button } from '../ui/button';
import { timelineHref } from './timeline-query';

export function TimelinePager({
  incidentId,
  filter,
  page,
  pageCount,
}: {
  incidentId: string;
  filter: TimelineFilter;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Timeline pages" className="flex items-center justify-between gap-3 px-4 py-3 text-sm sm:px-5">
      {page > 1 ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={timelineHref(incidentId, filter, page - 1)} rel="prev">
            Earlier
          </Link>
        </Button>
      ) : (
        <span />
      )}
      <span className="text-gray-700">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Button asChild variant="secondary" size="sm">
          <Link href={timelineHref(incidentId, filter, page + 1)} rel="next">
            Later
          </Link>
        </Button>
      ) : (
        <span />
      )}
    </nav>
  );
}
