import { describe, expect, it } from 'vitest';
import { authorizeScrape } from './authorize-scrape';

const TOKEN = 'a-metrics-token-of-32-characters';

describe('authorizeScrape', () => {
  it.each([
    ['no token configured, whatever is sent', null, undefined, 'disabled'],
    ['no token configured, a bearer sent', `Bearer ${TOKEN}`, undefined, 'disabled'],
    ['the token', `Bearer ${TOKEN}`, TOKEN, 'allowed'],
    ['no header', null, TOKEN, 'refused'],
    ['another token', 'Bearer another-token-of-32-characters', TOKEN, 'refused'],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, 10)}`, TOKEN, 'refused'],
    ['the token and more', `Bearer ${TOKEN}x`, TOKEN, 'refused'],
    ['the token without the scheme', TOKEN, TOKEN, 'refused'],
    ['another scheme', `Basic ${TOKEN}`, TOKEN, 'refused'],
    ['an empty bearer', 'Bearer ', TOKEN, 'refused'],
  ] as const)('%s → %s', (_, header, token, expected) => {
    expect(authorizeScrape(header, token)).toBe(expected);
  });
});
