import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logging/create-logger.cjs';
import { findLeaks, hintOf } from './scan-test-logs.mjs';

const KEY = 'wdn_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v'; // 4 + 43: an agent key's shape
const PASSWORD = 'a-long-enough-password';
const ODD = 'p@ss word/with+specials"quoted"';

const request = (fields: Record<string, unknown>) => JSON.stringify({ level: 30, msg: 'request', ...fields });

describe('findLeaks', () => {
  it('names the file and line of each recorded secret, as written, URL-encoded or JSON-escaped', () => {
    const logs = [
      {
        file: 'a.log',
        text: [request({ route: '/queue' }), `oops ${PASSWORD} here`, request({ status: 200 })].join('\n'),
      },
      { file: 'b.log', text: `first\nsecond\n{"q":"${encodeURIComponent(ODD)}"}\n{"m":${JSON.stringify(ODD)}}\n` },
    ];
    const leaks = findLeaks(logs, [
      { kind: 'password', value: PASSWORD },
      { kind: 'password', value: ODD },
    ]);
    expect(leaks.map(({ file, line, kind }) => ({ file, line, kind }))).toEqual([
      { file: 'a.log', line: 2, kind: 'password' },
      { file: 'b.log', line: 3, kind: 'password' },
      { file: 'b.log', line: 4, kind: 'password' },
    ]);
  });

  it('finds an agent key by its shape even when no fixture recorded it, and never prints a secret whole', () => {
    const leaks = findLeaks([{ file: 'c.log', text: `ok\nauthorization: Bearer ${KEY}\n` }], []);
    expect(leaks).toEqual([{ file: 'c.log', line: 2, kind: 'agent key (by shape)', hint: hintOf(KEY) }]);
    expect(hintOf(KEY)).not.toContain(KEY.slice(0, 12));
    expect(hintOf(KEY)).toBe('wdn_A1… (47 characters)');
  });

  it('finds nothing in clean logs, and ignores values too short to tell from chance', () => {
    const text = [request({ route: '/api/v1/actions', actorType: 'agent', actorId: 'agent-1' }), 'wdn_short'].join(
      '\n',
    );
    expect(
      findLeaks(
        [{ file: 'd.log', text }],
        [
          { kind: 'password', value: 'agent' },
          { kind: 'key', value: KEY },
        ],
      ),
    ).toEqual([]);
  });

  it("catches a real leak through the real logger: a secret in a message's free text is not redacted", () => {
    let text = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    const log = createLogger({ destination });
    log.info({ password: PASSWORD }, 'a redacted field: fine');
    log.error(`could not reach the upstream with token ${PASSWORD}`);
    const leaks = findLeaks([{ file: 'server.log', text }], [{ kind: 'password', value: PASSWORD }]);
    expect(leaks.map(({ line }) => line)).toEqual([2]);
  });

  it('scans thousands of secrets against megabytes of logs in one pass', () => {
    const secrets = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'agent key',
      value: `secret-${i}-${'z'.repeat(30)}`,
    }));
    const text = Array.from({ length: 20_000 }, (_, i) =>
      request({ requestId: `r-${i}`, route: '/api/v1/actions' }),
    ).join('\n');
    const started = performance.now();
    expect(findLeaks([{ file: 'big.log', text: `${text}\n${secrets[4321]!.value}` }], secrets)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
