import type { TimelineFilter } from '@/lib/incidents/timeline/schemas';

/** The timeline's URL for a filter and page (empty values left out, page 1 implied). */
export function timelineHref(incidentId: string, filter: TimelineFilter, page = 1): string {
  const query = new URLSearchParams();
  for (const key of ['category', 'tool', 'status', 'reviewer'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `/incidents/${incidentId}/timeline${text ? `?${text}` : ''}`;
}
