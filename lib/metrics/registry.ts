import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/*
 * Warden's metrics: one registry per process. Next may load this module more than once (one copy per bundle, and again
 * on every reload in dev), so the registry and its metrics live on globalThis under a Symbol key and every copy
 * records into the same ones.
 *
 * Labels are bounded by what admins and owners create, never by what an agent writes: `agent` is the agent's name,
 * `tool` the name of a registered tool ('(unknown)' when the agent named none that exists), `outcome` the gate's five
 * outcomes, `decision` approved/rejected, `kind` a channel kind, `scope`/`effect` the switch vocabulary, `pool` the
 * engine's few pools. See README (Metrics) for the list.
 */
const PREFIX = 'warden_';
const KEY = Symbol.for('warden.metrics');

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
  const registers = [registry];
  return {
    registry,
    proposals: new Counter({
      name: `${PREFIX}proposals_total`,
      help: 'Proposals decided by the gate, by outcome, tool and agent.',
      labelNames: ['outcome', 'tool', 'agent'] as const,
      registers,
    }),
    gateLatency: new Histogram({
      name: `${PREFIX}gate_duration_seconds`,
      help: "Time from a parsed proposal to the gate's recorded decision, by outcome.",
      labelNames: ['outcome'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    queueDepth: new Gauge({
      name: `${PREFIX}queue_depth`,
      help: 'Actions waiting for a person (pending review, not past their deadline unless frozen by a stop), by agent.',
      labelNames: ['agent'] as const,
      registers,
    }),
    oldestPendingAge: new Gauge({
      name: `${PREFIX}queue_oldest_pending_age_seconds`,
      help: 'Age of the oldest action waiting for a person (0 when none waits).',
      registers,
    }),
    timeToDecision: new Histogram({
      name: `${PREFIX}time_to_decision_seconds`,
      help: 'Time from a proposal to the human decision that made it final, by decision.',
      labelNames: ['decision'] as const,
      buckets: [5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 12 * 3600, 24 * 3600, 3 * 24 * 3600],
      registers,
    }),
    expiries: new Counter({
      name: `${PREFIX}expiries_total`,
      help: 'Pending actions expired by the background job at their review deadline.',
      registers,
    }),
    escalations: new Counter({
      name: `${PREFIX}escalations_total`,
      help: 'Pending actions escalated by the escalation ladder.',
      registers,
    }),
    notificationAttempts: new Counter({
      name: `${PREFIX}notification_deliveries_total`,
      help: 'Notification delivery attempts by channel kind and result (delivered, retrying, failed).',
      labelNames: ['kind', 'result'] as const,
      registers,
    }),
    switchesEngaged: new Gauge({
      name: `${PREFIX}switches_engaged`,
      help: 'Kill switches engaged now, by scope and effect (the global stop is scope global, effect block).',
      labelNames: ['scope', 'effect'] as const,
      registers,
    }),
    longPollsOpen: new Gauge({
      name: `${PREFIX}long_polls_open`,
      help: 'Agent long-polls (GET /api/v1/actions/{id}?wait=) held open now.',
      registers,
    }),
    poolConnections: new Gauge({
      name: `${PREFIX}db_pool_connections`,
      help: 'Database connections by pool and state (open, idle); SQLite has one connection per pool.',
      labelNames: ['pool', 'state'] as const,
      registers,
    }),
    poolWaiting: new Gauge({
      name: `${PREFIX}db_pool_waiting`,
      help: 'Callers waiting for a connection (PostgreSQL) or for their queued work on it (SQLite), by pool.',
      labelNames: ['pool'] as const,
      registers,
    }),
  };
}

export type WardenMetrics = ReturnType<typeof createMetrics>;

/** The process's metrics, created on first use. */
export function metrics(): WardenMetrics {
  const holder = globalThis as { [KEY]?: WardenMetrics };
  return (holder[KEY] ??= createMetrics());
}
