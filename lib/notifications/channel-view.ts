import { parseOversight } from './oversight-events';

/**
 * How a channel is shown and audited: never its secret, and never its full URL — a Slack incoming-webhook URL is
 * itself a credential (anyone holding it can post), so people see the origin only.
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && !parsed.search ? parsed.origin : `${parsed.origin}/…`;
  } catch {
    return '(invalid URL)';
  }
}

type ChannelRow = {
  id: string;
  name: string;
  kind: string;
  url: string;
  groupId: string | null;
  oversight: string;
  enabled: boolean;
  createdAt: Date;
  group?: { name: string } | null;
};

export type ChannelView = ReturnType<typeof toChannelView>;

export function toChannelView(row: ChannelRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as 'webhook' | 'slack',
    url: displayUrl(row.url),
    groupId: row.groupId,
    groupName: row.group?.name ?? null,
    oversight: parseOversight(row.oversight),
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The fields an audit event records before/after a change (no secret, no full URL). */
export function auditedChannel(row: ChannelRow) {
  return {
    name: row.name,
    kind: row.kind,
    url: displayUrl(row.url),
    group: row.group?.name ?? null,
    oversight: parseOversight(row.oversight),
    enabled: row.enabled,
  };
}
