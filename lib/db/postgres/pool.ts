import pg from 'pg';

/**
 * A `pg` pool whose connections send each tick's messages in one write. pg writes every protocol message (Parse,
 * Bind, Describe, Execute, Sync: four or five per statement) with its own socket write, i.e. its own system call and
 * its own wake-up of the PostgreSQL backend; profiles of the gate showed a quarter of the server's time in those
 * writes (see docs/BENCHMARKS.md). Corking the socket until the end of the tick sends the same bytes, in the same
 * order, in one write.
 */
export function createPgPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('connect', (client) => coalesceWrites(client, 'tick'));
  // An idle client whose connection dropped emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => undefined);
  return pool;
}

type Connection = { stream: { cork(): void; uncork(): void }; _send(buffer: Buffer): boolean };

/**
 * 'tick': the messages one piece of code issues together go out together (a transaction's statements).
 * 'turn': everything issued during one turn of the event loop goes out together — the statements of every request
 * that arrived in it, at the cost of waiting for the turn to end (for a connection that many requests share).
 */
export function coalesceWrites(client: pg.Client | pg.PoolClient, until: 'tick' | 'turn'): void {
  // Not public API: if a pg upgrade changes it, writes simply stay one per message.
  const connection = (client as unknown as { connection?: Partial<Connection> }).connection;
  if (!connection?.stream || typeof connection._send !== 'function' || typeof connection.stream.cork !== 'function') return;
  const { stream } = connection as Connection;
  const send = connection._send.bind(connection);
  let corked = false;
  connection._send = (buffer: Buffer) => {
    if (!corked) {
      corked = true;
      stream.cork();
      const flush = () => {
        corked = false;
        stream.uncork();
      };
      if (until === 'tick') process.nextTick(flush);
      else setImmediate(flush);
    }
    return send(buffer);
  };
}
