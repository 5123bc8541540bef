import { describe, expect, it } from 'vitest';
import { notificationBody, type NotificationFacts } from './notification-message';

describe('a held grant loosening, as a notification for the admins', () => {
  const facts: NotificationFacts = {
    event: 'grant_change_held',
    eventSeq: 9,
    occurredAt: new Date('2026-12-06T03:00:00Z'),
    channelName: 'admins',
    action: null,
    escalation: null,
    grantChange: {
      url: 'https://warden.example/agents/g1/grants/r1',
      agent: { id: 'g1', name: 'billing' },
      tool: 'refund.issue',
      loosened: ['approvals required 2 → 1', 'condition "to domain in <evil> else block" removed or relaxed'],
    },
  };

  it('a webhook gets the event and the change with its link', () => {
    expect(JSON.parse(notificationBody('webhook', facts))).toEqual({
      event: 'grant_change_held',
      eventSeq: 9,
      occurredAt: '2026-12-06T03:00:00.000Z',
      grantChange: facts.grantChange,
    });
  });

  it('Slack gets one escaped line naming agent, tool, what loosens and the link', () => {
    expect(JSON.parse(notificationBody('slack', facts)).text).toBe(
      'Grant change waits for an admin: agent billing, tool `refund.issue` — approvals required 2 → 1; condition "to domain in &lt;evil&gt; else block" removed or relaxed. <https://warden.example/agents/g1/grants/r1|Open in Warden>',
    );
  });
});
