/**
 * Oversight events: what admins want to hear about outside the review flow. A channel subscribes to kinds of them
 * (`NotificationChannel.oversight`); the notifier maps each audit event to its kind here. Pure and client-safe: the
 * channel form lists the same kinds.
 */
export const OVERSIGHT_KINDS = ['switches', 'agent_pauses', 'expiries', 'channel_failures', 'incidents'] as const;
export type OversightKind = (typeof OVERSIGHT_KINDS)[number];

export const OVERSIGHT_KIND_LABELS: Record<OversightKind, string> = {
  switches: 'Kill switches engaged or released',
  agent_pauses: 'Agents paused or resumed (by a person or by the gate)',
  expiries: 'Actions expired without a decision',
  channel_failures: 'Another channel failing its deliveries',
  incidents: 'Incidents opened or closed, returns to normal',
};

/**
 * The kind of an audit event, or null when it is not an oversight event. By prefix, so a new switch or incident
 * event type is sent without touching this list.
 */
export function oversightKindOf(auditType: string): OversightKind | null {
  // Engaging a switch that already holds changes nothing: not worth waking anyone.
  if (auditType === 'switch.engage_unchanged') return null;
  // A responder's bulk mark writes one event per action: the workbench's record, not news for a channel.
  if (auditType === 'incident.marked') return null;
  if (auditType.startsWith('switch.')) return 'switches';
  if (auditType === 'agent.paused' || auditType === 'agent.resumed') return 'agent_pauses';
  if (auditType === 'action.expired') return 'expiries';
  if (auditType === 'notification.delivery_failed') return 'channel_failures';
  if (auditType.startsWith('incident.') || auditType.startsWith('return_to_normal.')) return 'incidents';
  return null;
}

/** A channel's stored subscription (JSON text) as kinds; anything unreadable subscribes to nothing. */
export function parseOversight(text: string): OversightKind[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? OVERSIGHT_KINDS.filter((kind) => value.includes(kind)) : [];
  } catch {
    return [];
  }
}
