import { describe, expect, it } from 'vitest';
import { notificationBody, notificationSummary, slackEscape, type NotificationFacts } from './notification-message';

const refund = {
  summaryTemplate: 'Refund {amount} to {card.number} for {orderId}',
  sensitiveFields: '["card.number"]',
};
const params = JSON.stringify({ amount: 12, orderId: 'ORD-1', card: { number: '4111111111111111' } });

describe('notificationSummary', () => {
  it.each<[string, Parameters<typeof notificationSummary>, string]>([
    [
      'masks a sensitive (nested) value the template names',
      [refund, 'refund', params],
      'Refund 12 to •••••• for ORD-1',
    ],
    ['no template: the tool name', [{ summaryTemplate: '', sensitiveFields: '[]' }, 'refund', params], 'Call refund'],
    ['unknown tool', [null, 'ghost', params], 'Call ghost'],
    ['unreadable parameters: the tool name, never the raw text', [refund, 'refund', '{not json'], 'Call refund'],
    [
      'unreadable sensitive list: the tool name',
      [{ ...refund, sensitiveFields: 'oops' }, 'refund', params],
      'Call refund',
    ],
    [
      'invisible characters made visible',
      [{ summaryTemplate: 'Pay {to}', sensitiveFields: '[]' }, 't', JSON.stringify({ to: 'bob\u202Eevil' })],
      'Pay bob⟦U+202E RLO⟧evil',
    ],
    [
      'newlines folded',
      [{ summaryTemplate: 'Note {text}', sensitiveFields: '[]' }, 't', JSON.stringify({ text: 'a\n\nb' })],
      'Note a b',
    ],
  ])('%s', (_name, args, expected) => {
    expect(notificationSummary(...args)).toBe(expected);
  });

  it('is bounded in length', () => {
    const summary = notificationSummary(
      { summaryTemplate: '{text}', sensitiveFields: '[]' },
      't',
      JSON.stringify({ text: 'x'.repeat(1000) }),
    );
    expect(summary).toHaveLength(300);
    expect(summary.endsWith('…')).toBe(true);
  });
});

describe('slackEscape', () => {
  it('escapes the three characters Slack parses, & first', () => {
    expect(slackEscape('<https://evil|click> & <!channel>')).toBe('&lt;https://evil|click&gt; &amp; &lt;!channel&gt;');
  });
});

describe('notificationBody', () => {
  const facts: NotificationFacts = {
    event: 'review_requested',
    eventSeq: 7,
    occurredAt: new Date('2026-11-25T12:00:00Z'),
    channelName: 'ops',
    action: {
      id: 'a1',
      url: 'https://warden.example/actions/a1',
      tool: 'refund',
      summary: 'Refund <b>',
      agent: { id: 'g1', name: 'bot' },
      group: null,
      escalationLevel: 0,
    },
    escalation: null,
  };

  it('a webhook gets the event, the action and its link as JSON', () => {
    expect(JSON.parse(notificationBody('webhook', facts))).toEqual({
      event: 'review_requested',
      eventSeq: 7,
      occurredAt: '2026-11-25T12:00:00.000Z',
      action: facts.action,
    });
  });

  it('Slack gets text with an escaped summary and the link, and the summary as plain_text', () => {
    const body = JSON.parse(notificationBody('slack', facts));
    expect(body.text).toBe(
      'Review requested: Refund &lt;b&gt; — agent bot. <https://warden.example/actions/a1|Open in Warden>',
    );
    expect(body.blocks[1]).toEqual({ type: 'section', text: { type: 'plain_text', text: 'Refund <b>', emoji: false } });
  });
});
