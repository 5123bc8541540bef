import { Socket } from 'node:net';
import pg from 'pg';

/**
 * A `pg` pool whose connections send each tick's messages in one write. pg writes every protocol message (Parse,
 * Bind, Describe, Execute, Sync: four or five per statement) with its own socket write, i.e. its own system call and
 * its own wake-up of the PostgreSQL backend; profiles of the gate showed a quarter of the server's time in those
 * writes (see docs/BENCHMARKS.md). Its sockets (pg's public `stream` option) cork until the end of the tick: the same
 * bytes, in the same order, in one write.
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
 * (Over TLS pg writes to the TLS stream it wraps this in: writes then go as pg makes them.)
 */
type WriteCallback = (error?: Error | null) => void;

export class CoalescingSocket extends Socket {
  private corked = false;

  constructor(private readonly until: 'tick' | 'turn') {
    super();
  }

  // The base's overloads in one signature: `encoding` may be the callback (Writable.write sorts that out).
  override write(chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean {
    if (!this.corked) {
      this.corked = true;
      this.cork();
      const flush = () => {
        this.corked = false;
        this.uncork();
      };
      if (this.until === 'tick') process.nextTick(flush);
      else setImmediate(flush);
    }
    return super.write(chunk, encoding as BufferEncoding, callback);
  }
}
