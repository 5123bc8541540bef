import { z } from 'zod';
import { queueFilterSchema, type QueueFilter } from './schemas';

/**
 * One read of the review queue: the filters, an order and where the previous page ended. Client-safe (zod only): the
 * page, the live stream and the "show more" request parse the same URL parameters.
 */
export const QUEUE_SORTS = ['newest', 'oldest', 'risk'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  risk: 'Riskiest first',
};

/** Rows a page holds. A reviewer scrolls a few pages at most; the filters and counts find the rest. */
export const QUEUE_PAGE_SIZE = 50;

export type QueueQuery = { filter: QueueFilter; sort: QueueSort; after?: string; limit?: number };

/**
 * Where a page ends, as the next page's `after`: the last row's sort key. Ids are time-ordered (UUIDv7), so the id
 * alone orders by age; by risk the weight comes first. Opaque to the client, checked on the way back in.
 */
export type QueueCursor = { id: string; weight?: number };

export function encodeQueueCursor(cursor: QueueCursor): string {
  return cursor.weight === undefined ? cursor.id : `${cursor.weight}.${cursor.id}`;
}

const CURSOR = /^(?:(\d{1,9})\.)?([0-9a-zA-Z-]{1,100})$/;

/** The cursor in `after`, or null when it is missing or not one this queue wrote (read as "from the start"). */
export function decodeQueueCursor(after: string | undefined, sort: QueueSort): QueueCursor | null {
  const match = after ? CURSOR.exec(after) : null;
  if (!match) return null;
  const [, weight, id] = match;
  if (id === undefined) return null;
  if (sort === 'risk') return weight === undefined ? null : { weight: Number(weight), id };
  return weight === undefined ? { id } : null;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The URL form (?agent=…&sort=risk&after=…): unknown values fall back to the defaults, never an error page. */
export const queueQuerySchema = z.object({
  sort: z
    .preprocess(first, z.enum(QUEUE_SORTS).optional())
    .catch(undefined)
    .transform((sort) => sort ?? 'newest'),
  after: z.preprocess(first, z.string().max(120).optional()).catch(undefined),
  limit: z.preprocess(first, z.coerce.number().int().min(1).max(100).optional()).catch(undefined),
});

export function parseQueueQuery(params: Record<string, string | string[] | undefined>): QueueQuery {
  const { sort, after, limit } = queueQuerySchema.parse(params);
  return { filter: queueFilterSchema.parse(params), sort, after, limit };
}

/** The query as URL parameters (defaults left out), for deep links, the live stream and "show more". */
export function queueSearchParams(query: Pick<QueueQuery, 'filter' | 'sort'> & { after?: string }): URLSearchParams {
  const params = new URLSearchParams();
  const { filter } = query;
  for (const key of ['agent', 'tool', 'level', 'risk', 'requester', 'age', 'trace'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.mine) params.set('mine', '1');
  if (query.sort !== 'newest') params.set('sort', query.sort);
  if (query.after) params.set('after', query.after);
  return params;
}
