import 'server-only';
import type { LoggerInstance } from 'next-auth';
import { logger } from '../logging/logger';

const QUIET_MS = 60_000;
const lastLogged = new Map<string, number>();

/**
 * next-auth's logger, made safe to expose: a junk, tampered or ended session cookie is ordinary input (anyone can
 * send one), so it gets one short line and no stack, at most once a minute per kind — never a flood of traces.
 */
export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    const now = Date.now();
    if (now - (lastLogged.get(code) ?? 0) < QUIET_MS) return;
    lastLogged.set(code, now);
    const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
    const reason = error instanceof Error ? error.name : 'error';
    logger().warn(
      { code, reason },
      'next-auth refused a session; the request is treated as signed out. Further ones are not logged for a minute.',
    );
  },
  warn() {},
  debug() {},
};
