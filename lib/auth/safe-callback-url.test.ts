import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it.each([
    // value, where sign-in sends you
    ['/queue?agent=a&sort=risk', '/queue?agent=a&sort=risk'],
    ['/actions/01a2-b3', '/actions/01a2-b3'],
    ['/audit#latest', '/audit#latest'],
    [null, '/queue'],
    ['', '/queue'],
    ['queue', '/queue'],
    ['https://evil.example/phish', '/queue'],
    ['//evil.example/phish', '/queue'],
    ['/\\evil.example', '/queue'],
    ['/\t/evil.example/phish', '/queue'], // browsers drop the tab: "//evil.example"
    ['/\n/evil.example', '/queue'],
    ['/\r\n/evil.example', '/queue'],
    ['/%09/evil.example', '/%09/evil.example'], // still encoded: a path on this site
    ['/sign-in', '/queue'],
    ['/sign-in?callbackUrl=/queue', '/queue'],
    ['/api/v1/agent', '/queue'],
    ['/./sign-in', '/queue'],
  ])('%j → %s', (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });
});
