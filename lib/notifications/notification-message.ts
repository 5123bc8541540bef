import { visibleText } from '../review/inspect-text';
import { maskParams, renderSummary } from '../tools/present-params';
import type { OversightKind } from './oversight-events';
import type { ChannelKind, NotificationEvent } from './schemas';

/** What one notification says, whichever the channel's format. Holds no parameter values other than the summary. */
export type NotificationFacts = {
  event: NotificationEvent;
  eventSeq: number;
  occurredAt: Date;
  channelName: string;
  action: null | {
    id: string;
    url: string;
    tool: string;
    summary: string;
    agent: { id: string; name: string };
    group: { id: string; name: string } | null;
    escalationLevel: number;
  };
  escalation: null | {
    fromGroup: string | null;
    toGroup: string;
    level: number | null;
    automatic: boolean;
    note: string | null;
  };
  /** An owner's grant change that loosens review, held for an admin (lib/grants/update-grant.ts). */
  grantChange?: { url: string; agent: { id: string; name: string }; tool: string; loosened: string[] };
  /** An oversight event (lib/notifications/oversight-events.ts): what happened, who did it, where to look. */
  oversight?: OversightFacts;
};

export type OversightFacts = {
  kind: OversightKind;
  /** The audit event's type and its label, e.g. "agent.paused" / "Agent paused". */
  type: string;
  title: string;
  /** One line in words: who, what, why (reasons are people's or the gate's words, never parameter values). */
  detail: string;
  actor: string;
  agent: { id: string; name: string } | null;
  url: string;
};

const MAX_SUMMARY = 300;

/**
 * The tool's one-line summary of the call, with every sensitive parameter masked BEFORE rendering (a template may name
 * one), invisible characters made visible, and the length bounded. Agent-written values are in it, so it is text to
 * show inertly, never markup.
 */
export function notificationSummary(
  tool: { summaryTemplate: string; sensitiveFields: string } | null,
  toolName: string,
  paramsJson: string,
): string {
  let summary = `Call ${toolName}`;
  if (tool?.summaryTemplate) {
    try {
      const params = JSON.parse(paramsJson) as Record<string, unknown>;
      summary = renderSummary(tool.summaryTemplate, maskParams(params, JSON.parse(tool.sensitiveFields) as string[]));
    } catch {
      // unreadable parameters or field list: fall back to the tool's name rather than risk showing a value
    }
  }
  const visible = visibleText(summary.replace(/\s+/g, ' ').trim());
  return visible.length > MAX_SUMMARY ? `${visible.slice(0, MAX_SUMMARY - 1)}…` : visible;
}

const HEADLINES: Record<NotificationEvent, string> = {
  review_requested: 'Review requested',
  escalated: 'Review escalated',
  test: 'Test notification',
  grant_change_held: 'Grant change waits for an admin',
  oversight: 'Oversight',
  channel_failing: 'Notification channel failing',
};

/** The exact bytes sent (and signed): built once when the delivery is queued, so every retry sends the same body. */
export function notificationBody(kind: ChannelKind, facts: NotificationFacts): string {
  return JSON.stringify(kind === 'slack' ? slackMessage(facts) : webhookPayload(facts));
}

function webhookPayload(facts: NotificationFacts) {
  return {
    event: facts.event,
    eventSeq: facts.eventSeq,
    occurredAt: facts.occurredAt.toISOString(),
    ...(facts.oversight
      ? { oversight: facts.oversight }
      : facts.grantChange
        ? { grantChange: facts.grantChange }
        : facts.action
          ? { action: facts.action }
          : { message: `Test notification for channel "${facts.channelName}".` }),
    ...(facts.escalation ? { escalation: facts.escalation } : {}),
  };
}

/** Slack's incoming-webhook format: `text` (the notification's fallback) and Block Kit `blocks`. */
function slackMessage(facts: NotificationFacts) {
  const headline = HEADLINES[facts.event];
  const { action, grantChange, oversight } = facts;
  if (oversight) {
    const agent = oversight.agent ? ` — agent ${slackEscape(oversight.agent.name)}` : '';
    const text = `*${slackEscape(oversight.title)}*${agent}: ${slackEscape(oversight.detail)} (by ${slackEscape(oversight.actor)}). <${oversight.url}|Open in Warden>`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  if (grantChange) {
    const text = `${headline}: agent ${slackEscape(grantChange.agent.name)}, tool \`${slackEscape(grantChange.tool)}\` — ${slackEscape(grantChange.loosened.join('; '))}. <${grantChange.url}|Open in Warden>`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  if (!action) {
    const text = `${headline} from Warden for channel "${slackEscape(facts.channelName)}". Deliveries to this channel work.`;
    return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
  }
  const group = action.group ? ` for ${slackEscape(action.group.name)}` : '';
  const link = `<${action.url}|Open in Warden>`;
  const context = [
    `Agent *${slackEscape(action.agent.name)}*`,
    `tool \`${slackEscape(action.tool)}\``,
    ...(facts.escalation
      ? [
          `escalated${facts.escalation.automatic ? ' automatically' : ''}${facts.escalation.level ? ` (step ${facts.escalation.level})` : ''}`,
        ]
      : []),
  ].join(' · ');
  return {
    text: `${headline}${group}: ${slackEscape(action.summary)} — agent ${slackEscape(action.agent.name)}. ${link}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${headline}*${group}` } },
      // plain_text, not mrkdwn: the summary carries agent-written values, which must not become links or formatting.
      { type: 'section', text: { type: 'plain_text', text: action.summary, emoji: false } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: context }] },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Warden' }, url: action.url }],
      },
    ],
  };
}

/** Slack's required escaping for text it parses: without it, "<https://evil|click>" in a value would become a link. */
export function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
