// WARDEN_LOG_LEVEL is read twice: by scripts/server.mjs, which creates the process's logger before Next (and with it
// lib/env.ts) loads, and by lib/env.ts. Both must read it alike: a value lib/env.ts refuses (empty included) must stop
// the server before it listens, with lib/env.ts's message, not start it at some level of its own choosing.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const root = path.resolve(__dirname, '..');
const before = process.env.WARDEN_LOG_LEVEL;
afterEach(() => {
  if (before === undefined) delete process.env.WARDEN_LOG_LEVEL;
  else process.env.WARDEN_LOG_LEVEL = before;
  vi.resetModules();
});

/** A port nothing listens on: were the server to start anyway, it would listen there (and be stopped by the bound). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The message lib/env.ts refuses this value with (a fresh module: env() reads the environment once). */
async function envRefusal(value: string): Promise<string> {
  process.env.WARDEN_LOG_LEVEL = value;
  vi.resetModules();
  const { env } = await import('@/lib/env');
  try {
    env();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`lib/env.ts accepted WARDEN_LOG_LEVEL="${value}"`);
}

describe('scripts/server.mjs', () => {
  it('refuses an empty or unknown WARDEN_LOG_LEVEL before listening, with the message lib/env.ts gives', async () => {
    for (const value of ['', 'verbose', 'INFO']) {
      const refusal = await envRefusal(value);
      expect(refusal).toContain('WARDEN_LOG_LEVEL');
      const server = spawnSync(process.execPath, ['scripts/server.mjs'], {
        cwd: root,
        env: { ...process.env, WARDEN_LOG_LEVEL: value, PORT: String(await freePort()), HOSTNAME: '127.0.0.1' },
        encoding: 'utf8',
        // A bound, not a wait: a server that accepted the value would run until killed.
        timeout: 20_000,
      });
      expect({ value, status: server.status, stderr: server.stderr.trim() }).toEqual({
        value,
        status: 1,
        stderr: refusal,
      });
      expect(server.stdout).not.toContain('Warden is listening');
    }
  }, 60_000);
});
