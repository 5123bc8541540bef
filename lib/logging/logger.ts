import type { Logger } from 'pino';
import { env } from '../env';
import { createLogger, LOGGER } from './create-logger.cjs';

/**
 * The process's logger. Under Warden's server (scripts/server.mjs) it is the instance the server created, so request
 * lines and the app's lines are one JSON stream on stdout. Elsewhere (the admin CLI, scripts, tests, `next dev`) one is
 * made here on stderr, where console.error wrote before: their stdout is their output (a CLI's answer, a new key).
 */
export function logger(): Logger {
  const slots = globalThis as unknown as Record<symbol, Logger | undefined>;
  return (slots[LOGGER] ??= createLogger({ level: env().WARDEN_LOG_LEVEL, fd: 2 }));
}
