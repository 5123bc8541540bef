import { describe, expect, it } from 'vitest';
import { emailPreview } from './email-preview';

const EMAIL_SCHEMA = {
  type: 'object',
  properties: {
    customer: { type: 'string', format: 'email' },
    watchers: { type: 'array', items: { type: 'string', format: 'email' } },
    note: { type: 'string' },
  },
};

describe('emailPreview', () => {
  it.each<[string, unknown, Record<string, unknown>, boolean]>([
    ['to + body', {}, { to: 'ann@example.com', body: 'Hello' }, true],
    ['recipient + message, any case or separator', {}, { Recipient: 'ann@example.com', message: 'Hi' }, true],
    ['a schema e-mail field counts as a recipient', EMAIL_SCHEMA, { customer: 'x', note: 'n', text: 'Hello' }, true],
    ['no body: not an e-mail', {}, { to: 'ann@example.com', subject: 'Hi' }, false],
    ['a body that is not text: not an e-mail', {}, { to: 'ann@example.com', body: { html: '<p>' } }, false],
    ['only a sender: not an e-mail', {}, { from: 'bot@example.com', body: 'Hi' }, false],
    [
      'a ticket with an assignee (nested): not an e-mail',
      {},
      { title: 'Refund', assignee: { email: 'a@example.com' }, body: 'x' },
      false,
    ],
    ['the recipient need not look like an address', {}, { recipient: 'pay\u200Bpal.example', body: 'x' }, true],
  ])('%s', (_name, schema, params, isEmail) => {
    expect(emailPreview(schema, params) !== null).toBe(isEmail);
  });

  it("orders the headers like a mail client and keeps each field's path", () => {
    expect(
      emailPreview(EMAIL_SCHEMA, {
        body: 'Hi',
        cc: ['b@example.com', 'c@example.com'],
        to: 'a@example.com',
        from: 'bot@example.com',
        subject: 'Invoice',
        watchers: ['w@example.com'],
      }),
    ).toEqual({
      headers: [
        { role: 'from', path: 'params.from', values: ['bot@example.com'] },
        { role: 'to', path: 'params.to', values: ['a@example.com'] },
        { role: 'to', path: 'params.watchers', values: ['w@example.com'] },
        { role: 'cc', path: 'params.cc', values: ['b@example.com', 'c@example.com'] },
      ],
      subject: { path: 'params.subject', text: 'Invoice' },
      body: { path: 'params.body', text: 'Hi' },
      bodyIsHtml: false,
    });
  });

  it('knows an HTML body by its name or its schema', () => {
    expect(emailPreview({}, { to: 'a@example.com', html: '<p>Hi</p>' })?.bodyIsHtml).toBe(true);
    expect(
      emailPreview(
        { properties: { body: { type: 'string', contentMediaType: 'text/html' } } },
        { to: 'a@example.com', body: '<p>Hi</p>' },
      )?.bodyIsHtml,
    ).toBe(true);
  });

  it('prefers body over other text fields, and shows non-string recipients as JSON', () => {
    const preview = emailPreview({}, { to: { name: 'Ann' }, text: 'second', body: 'first' });
    expect(preview?.body).toEqual({ path: 'params.body', text: 'first' });
    expect(preview?.headers[0].values).toEqual(['{"name":"Ann"}']);
  });
});
