import type { Prisma } from '../generated/sqlite/client';
import { assertCan, type Actor } from '../auth/actor';
import { summarizeAuditActions } from '../audit/action-summaries';
import { toAuditEventViews, type AuditEventView } from '../audit/audit-event-view';
import { db } from '../db/client';
import {
  categoryOf,
  DECISION_TYPES,
  TIMELINE_CATEGORIES,
  WORKSPACE_WIDE_TYPES,
  type TimelineCategory,
} from './timeline/categories';
import { decidedAfterMs, groupByTrace } from './timeline/group-by-trace';
import { agentEventsWhere, loadIncidentWindow, type IncidentWindow } from './timeline/incident-window';
import { timelineFilterSchema, type TimelineFilter } from './timeline/schemas';

export const TIMELINE_TRACES_PER_PAGE = 25;
/** Beyond this many events in a window the timeline says so and asks for a narrower filter. */
export const TIMELINE_MAX_EVENTS = 20_000;

export type TimelineEvent = AuditEventView & { category: TimelineCategory | 'other'; decidedAfterMs: number | null };
export type TimelineAction = { id: string; tool: string; summary: string | null; status: string };
export type TimelineGroup = {
  key: string;
  traceId: string | null;
  firstAt: string;
  lastAt: string;
  actions: TimelineAction[];
  events: TimelineEvent[];
};

const EVENT_SELECT = {
  seq: true,
  at: true,
  type: true,
  actorType: true,
  actorId: true,
  actionId: true,
  agentId: true,
  payload: true,
  action: { select: { traceId: true, createdAt: true } },
} satisfies Prisma.AuditEventSelect;

/**
 * Everything in the incident's window for its agents — proposals, gate decisions, who approved what and how fast,
 * claims, results with their downstream references, rollbacks, switches engaged and released (the workspace-wide
 * ones too), key and grant changes — grouped by trace, one page of traces at a time, oldest first. Filters narrow
 * the events (kind of event) or the actions (tool, current status, a reviewer who decided on them). Reads only.
 */
export async function getIncidentTimeline(actor: Actor, incidentId: string, filterInput: TimelineFilter = {}) {
  assertCan(actor, 'incidents.manage');
  const filter = timelineFilterSchema.parse(filterInput);
  const window = await loadIncidentWindow(incidentId);
  const rows = await readWindowEvents(window, filter);
  const truncated = rows.length > TIMELINE_MAX_EVENTS;
  const groups = groupByTrace(rows.slice(0, TIMELINE_MAX_EVENTS));

  const pageCount = Math.max(1, Math.ceil(groups.length / TIMELINE_TRACES_PER_PAGE));
  const page = Math.min(filter.page, pageCount);
  const shown = groups.slice((page - 1) * TIMELINE_TRACES_PER_PAGE, page * TIMELINE_TRACES_PER_PAGE);
  const shownEvents = shown.flatMap((group) => group.events);
  const [views, summaries, tools, people] = await Promise.all([
    toAuditEventViews(db(), shownEvents),
    summarizeAuditActions(
      actor,
      shown.flatMap((group) => group.actionIds),
    ),
    db().tool.findMany({ select: { name: true }, orderBy: { name: 'asc' } }),
    db().user.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
  ]);
  const viewBySeq = new Map(views.map((view) => [view.seq, view]));

  return {
    incident: {
      id: window.id,
      title: window.title,
      status: window.status,
      start: window.start.toISOString(),
      end: window.end.toISOString(),
    },
    groups: shown.map((group): TimelineGroup => ({
      key: group.key,
      traceId: group.traceId,
      firstAt: group.firstAt.toISOString(),
      lastAt: group.lastAt.toISOString(),
      actions: group.actionIds.map((id) => {
        const summary = summaries.get(id);
        return { id, tool: summary?.tool ?? '', summary: summary?.summary ?? null, status: summary?.status ?? '' };
      }),
      events: group.events.map((event) => ({
        ...viewBySeq.get(event.seq)!,
        category: categoryOf(event.type),
        decidedAfterMs: DECISION_TYPES.includes(event.type) ? decidedAfterMs(event) : null,
      })),
    })),
    totalTraces: groups.length,
    totalEvents: Math.min(rows.length, TIMELINE_MAX_EVENTS),
    truncated,
    page,
    pageCount,
    filter,
    options: { tools: tools.map((tool) => tool.name), people },
  };
}

export type IncidentTimeline = Awaited<ReturnType<typeof getIncidentTimeline>>;

/**
 * Two reads, each on an index: the agents' events by (agentId, at), and the workspace-wide switch and tool events
 * (no agent on the row) by (agentId, at) with agentId NULL. An action filter leaves the workspace-wide ones out:
 * they belong to no action.
 */
async function readWindowEvents(window: IncidentWindow, filter: ReturnType<typeof timelineFilterSchema.parse>) {
  const types = filter.category ? [...TIMELINE_CATEGORIES[filter.category]] : null;
  const action: Prisma.ActionWhereInput = {
    ...(filter.tool ? { toolName: filter.tool } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.reviewer
      ? { events: { some: { actorType: 'user', actorId: filter.reviewer, type: { in: [...DECISION_TYPES] } } } }
      : {}),
  };
  const byAction = Object.keys(action).length > 0;
  const agentEvents = db().auditEvent.findMany({
    where: {
      AND: [agentEventsWhere(window), types ? { type: { in: types } } : {}, byAction ? { action: { is: action } } : {}],
    },
    select: EVENT_SELECT,
    orderBy: [{ at: 'asc' }, { seq: 'asc' }],
    take: TIMELINE_MAX_EVENTS + 1,
  });
  const wideTypes = types ? WORKSPACE_WIDE_TYPES.filter((type) => types.includes(type as never)) : WORKSPACE_WIDE_TYPES;
  const wideEvents =
    byAction || wideTypes.length === 0
      ? Promise.resolve([])
      : db().auditEvent.findMany({
          where: { agentId: null, at: { gte: window.start, lte: window.end }, type: { in: [...wideTypes] } },
          select: EVENT_SELECT,
          orderBy: [{ at: 'asc' }, { seq: 'asc' }],
          take: TIMELINE_MAX_EVENTS + 1,
        });
  const [agent, wide] = await Promise.all([agentEvents, wideEvents]);
  return [...agent, ...wide];
}
