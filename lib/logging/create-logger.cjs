// @ts-check
// The one logger of a Warden process, and what the request log needs, in plain CommonJS: the custom server
// (scripts/server.mjs, not bundled) creates the logger before Next loads, and the app's code (bundled by Next, through
// lib/logging/logger.ts) finds that same instance on globalThis, so the process writes one JSON stream.
const pino = require('pino');
const { z } = require('zod');

/** The values WARDEN_LOG_LEVEL accepts (pino's own level names). */
const LOG_LEVELS = /** @type {const} */ (['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
/**
 * WARDEN_LOG_LEVEL's one reading, for lib/env.ts and for scripts/server.mjs (which creates the logger before any of
 * the app's code loads): unset is info; anything else, empty included, must be one of LOG_LEVELS.
 */
const LOG_LEVEL_SETTING = z.enum(LOG_LEVELS).default('info');

/** Where the process's logger and its per-request context live: Symbol.for so both module graphs find them. */
const LOGGER = Symbol.for('warden.logger');
const REQUEST_CONTEXT = Symbol.for('warden.request-context');

/**
 * Field names whose value is secret wherever they appear (top level, one level down, and in headers): an agent key, a
 * password, a session cookie, a channel's or client's secret, a bearer token. Logged objects should never carry them;
 * this is the net under that rule, not the rule.
 */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'oneTimePassword',
  'secret',
  'clientSecret',
  'client_secret',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'idToken',
  'id_token',
  'apiKey',
  'key',
  'credential',
  'credentials',
  'authorization',
  'cookie',
];
const SECRET_HEADERS = ['authorization', 'cookie', 'set-cookie', 'x-api-key', 'proxy-authorization'];
const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => [`headers["${header}"]`, `*.headers["${header}"]`]),
];

/**
 * A pino logger writing to stdout (or `fd` 2): JSON lines, or pino-pretty's coloured lines when that is a terminal (a
 * person is reading). Every line written while a request is served carries its request id.
 * @param {{ level?: string, destination?: NodeJS.WritableStream, fd?: 1 | 2 }} [options]
 * @returns {import('pino').Logger}
 */
function createLogger(options = {}) {
  const level = options.level ?? 'info';
  if (!(/** @type {readonly string[]} */ (LOG_LEVELS).includes(level)))
    throw new Error(`WARDEN_LOG_LEVEL: must be one of ${LOG_LEVELS.join(', ')} (got "${level}")`);
  /** @type {import('pino').LoggerOptions} */
  const settings = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    mixin() {
      const context = currentRequestContext();
      return context ? { requestId: context.requestId } : {};
    },
  };
  if (options.destination) return pino(settings, options.destination);
  const fd = options.fd ?? 1;
  if ((fd === 1 ? process.stdout : process.stderr).isTTY) {
    // In-thread (no transport worker): pino-pretty as a stream, so nothing waits on another thread at exit.
    const pretty = require('pino-pretty');
    return pino(settings, pretty({ colorize: true, sync: true, destination: fd, translateTime: 'SYS:HH:MM:ss.l' }));
  }
  return pino(settings, pino.destination({ dest: fd, sync: true }));
}

/**
 * @typedef {{ type: 'agent' | 'user', id: string }} LoggedActor
 * @typedef {{ requestId: string, actor: LoggedActor | null }} RequestContext
 */

/** @returns {RequestContext | undefined} the context of the request being served, if a custom server set one */
function currentRequestContext() {
  const storage = /** @type {import('node:async_hooks').AsyncLocalStorage<RequestContext> | undefined} */ (
    /** @type {Record<symbol, unknown>} */ (globalThis)[REQUEST_CONTEXT]
  );
  return storage?.getStore();
}

/**
 * A request's route for the log: its path without the query (which may carry codes and tokens), with segments that
 * are ids (UUIDs, cuids, numbers, long opaque strings) replaced by `:id`, so lines group by endpoint.
 * @param {string | undefined} url
 */
function routeOf(url) {
  const path = (url ?? '/').split('?')[0]?.split('#')[0] ?? '/';
  return path
    .split('/')
    .map((segment) => (isIdLike(segment) ? ':id' : segment))
    .join('/')
    .slice(0, 200);
}

/** @param {string} segment */
function isIdLike(segment) {
  if (/^\d+$/.test(segment)) return true;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return true;
  // cuid/cuid2/nanoid-shaped: long, no dots (file names keep theirs), letters and digits mixed.
  return segment.length >= 16 && /^[A-Za-z0-9_-]+$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment);
}

/**
 * The request id: the caller's `x-request-id` when it is a sane token (a load balancer's or a client's, so lines can be
 * joined across systems), else a new UUID. Never anything that could break a log line or carry a payload.
 * @param {string | string[] | undefined} incoming
 * @param {() => string} make
 */
function requestIdFrom(incoming, make) {
  return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : make();
}

module.exports = {
  LOG_LEVELS,
  LOG_LEVEL_SETTING,
  LOGGER,
  REQUEST_CONTEXT,
  REDACT_PATHS,
  createLogger,
  currentRequestContext,
  routeOf,
  requestIdFrom,
};
