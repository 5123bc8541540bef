// Warden's HTTP server: Next's production server through its public custom-server API (`next()`, `prepare()`,
// `getRequestHandler()` — the same request handlers `next start` builds), wrapped to write one JSON line per request
// when its response closes: route, method, status, duration, actor and request id. `next start` cannot do that: the
// proxy (proxy.ts) runs before the route and never sees the final status, and instrumentation.ts has no per-request
// hook with the response. Started by scripts/start.mjs; PORT and HOSTNAME as for `next start -p/-H`.
import { randomUUID } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import logging from '../lib/logging/create-logger.cjs';

const { LOG_LEVEL_SETTING, LOGGER, REQUEST_CONTEXT, createLogger, routeOf, requestIdFrom } = logging;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
// Idle keep-alive connections stay open 65 s (Node's default is 5 s): longer than load balancers' idle timeout (60 s)
// and than HTTP clients keep them, so the server never closes one just as a client reuses it (the client would get
// ECONNRESET for a request that never arrived; seen in the suite: GET /api/auth/session). `next start
// --keepAliveTimeout 65000` did the same before this server existed.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

process.env.NODE_ENV = 'production';
// Read as lib/env.ts reads it (the app's code validates the rest of the environment later) and refused the same way,
// with the same message, before Next loads or anything listens.
const level = LOG_LEVEL_SETTING.safeParse(process.env.WARDEN_LOG_LEVEL);
if (!level.success) {
  process.stderr.write(
    `Invalid environment: WARDEN_LOG_LEVEL: ${level.error.issues.map((i) => i.message).join('; ')}\n`,
  );
  process.exit(1);
}
const log = createLogger({ level: level.data });
// The app's code (bundled by Next) finds these two by their Symbol.for keys: lib/logging/logger.ts logs through this
// same instance, and lib/logging/request-actor.ts fills in the actor of the request being served.
const requests = new AsyncLocalStorage();
// The request line is built here from fixed fields (numbers, the route, ids): nothing in it can be secret, so it skips
// the redaction pass, whose wildcard paths cost ~60 µs a line against ~3 µs without (measured with pino 10 here).
const requestLog = log.child({}, { redact: { paths: [] } });
globalThis[LOGGER] = log;
globalThis[REQUEST_CONTEXT] = requests;

// Next's own messages (an error a route threw, its warnings) and any console call left in the app become lines of the
// same JSON stream instead of free text between them. pino writes to stdout itself, never through console.
for (const [method, level] of [
  ['error', 'error'],
  ['warn', 'warn'],
  ['info', 'info'],
  ['log', 'info'],
  ['debug', 'debug'],
]) {
  console[method] = (...args) => {
    const err = args.find((arg) => arg instanceof Error);
    const rest = args.filter((arg) => arg !== err);
    log[level](err ? { err } : {}, rest.length || !err ? format(...rest) : err.message);
  };
}

const { default: next } = await import('next');
// quiet: Next's own start-up lines are not JSON; this server says it is listening (below).
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, quiet: true });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const started = performance.now();
  const context = { requestId: requestIdFrom(req.headers['x-request-id'], randomUUID), actor: null };
  res.setHeader('x-request-id', context.requestId);
  // 'close' comes once per response, finished or not (a long-poll whose client left): exactly one line each.
  res.once('close', () => {
    requestLog.info(
      {
        requestId: context.requestId,
        method: req.method,
        route: routeOf(req.url),
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        actorType: context.actor?.type ?? 'anonymous',
        actorId: context.actor?.id ?? null,
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  });
  requests.run(context, () => {
    handle(req, res).catch((error) => {
      log.error({ err: error, requestId: context.requestId }, 'request failed');
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});
server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
server.on('error', (error) => {
  log.fatal({ err: error }, 'the server could not listen');
  process.exit(1);
});
server.listen(port, hostname, () => log.info({ port, host: hostname ?? null }, 'Warden is listening'));

// As `next start` does on a signal: stop accepting, let requests under way finish, close Next, then exit with the
// signal's code. Needed here: a SIGTERM listener (the background loop's) would otherwise keep the process alive.
let stopping = false;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      app
        .close()
        .catch((error) => log.error({ err: error }, 'Next did not close cleanly'))
        .finally(() => process.exit(code));
    });
  });
}
