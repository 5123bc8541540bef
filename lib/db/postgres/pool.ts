import { Socket } from 'node:net';
import pg from 'pg';

/**
 * A `pg` pool whose connections send each tick's messages in one write. pg writes every protocol message (Parse,
 * Bind, Describe, Execute, Sync: four or five per statement) with its own socket write, i.e. its own system call and
 * its own wake-up of the PostgreSQL backend; profiles of the gate showed a quarter of the server's time in those
 * writes (see docs/BENCHMARKS.md). Its sockets (pg's public `stream` option) hold them until the end of the tick: the
 * same bytes, in the same order, in one write.
 */
export function createPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, stream: () => new CoalescingSocket('tick') });
  // An idle client whose connection dropped emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A TCP socket that holds what is written to it until the end of the tick ('tick': the messages one piece of code
 * issues together, e.g. a transaction's statements) or of the event loop's turn ('turn': the statements of every
 * request that arrived in it, at the cost of waiting for the turn to end — for a connection many requests share).
 * pg corks its socket while it writes a statement's messages and uncorks it after (extended protocol: every statement
 * with values or a name); uncorking is deferred here, so the statements issued meanwhile, and whatever pg writes before
 * the deferred uncork runs, go out in one write. (Over TLS pg writes to the TLS stream it wraps this in: writes then go
 * as pg makes them.)
 */
export class CoalescingSocket extends Socket {
  private deferredUncorks = 0;

  constructor(private readonly until: 'tick' | 'turn') {
    super();
  }

  override uncork(): void {
    if (this.deferredUncorks++ > 0) return;
    const flush = () => {
      const count = this.deferredUncorks;
      this.deferredUncorks = 0;
      for (let i = 0; i < count; i++) super.uncork();
    };
    if (this.until === 'tick') process.nextTick(flush);
    else setImmediate(flush);
  }
}
