import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { TimelineFilters } from '@/components/incidents/timeline-filters';
import { TimelineGroups } from '@/components/incidents/timeline-groups';
import { TimelinePager } from '@/components/incidents/timeline-pager';
import { ErrorAlert } from '@/components/ui/alert';
import { Card, CardHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { getIncidentTimeline } from '@/lib/incidents/get-incident-timeline';
import { timelineFilterSchema } from '@/lib/incidents/timeline/schemas';
import { orNotFound } from '../../../errors';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Incident timeline' };

type SearchParams = Record<string, string | string[] | undefined>;

/** Everything in the incident's window for its agents, grouped by trace, filterable; a GET form, so a view is a URL. */
export default async function IncidentTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incident timeline">Incidents are worked by admins.</AccessDenied>;
  }
  const { id } = await params;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) => {
      const text = Array.isArray(value) ? value[0] : value;
      return text ? [[key, text]] : [];
    }),
  );
  const parsed = timelineFilterSchema.safeParse(raw);
  const timeline = await orNotFound(getIncidentTimeline(actor, id, parsed.success ? parsed.data : {}));

  return (
    <Card aria-labelledby="incident-timeline">
      <CardHeader
        id="incident-timeline"
        title="Timeline"
        description={`${timeline.totalEvents} events in ${timeline.totalTraces} traces or changes, oldest first. Times in your time zone; hover for UTC.`}
      />
      <TimelineFilters incidentId={id} filter={timeline.filter} options={timeline.options} />
      {parsed.success ? null : (
        <ErrorAlert className="m-4">
          Some filters could not be read and were ignored: {parsed.error.issues.map((i) => i.path.join('.')).join(', ')}
          .
        </ErrorAlert>
      )}
      {timeline.truncated ? (
        <ErrorAlert className="m-4">
          More than 20,000 events match: only the first 20,000 are grouped. Narrow the filters.
        </ErrorAlert>
      ) : null}
      <TimelineGroups groups={timeline.groups} filtered={Object.keys(raw).some((key) => key !== 'page')} />
      <TimelinePager incidentId={id} filter={timeline.filter} page={timeline.page} pageCount={timeline.pageCount} />
    </Card>
  );
}
