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
  pool.on('connect', (client) => coalesceWrites(client));
  // An idle client whose connection dropped emits 'error' on the pool; without a listener that would end the process.
  pool.on('error', () => undefined);
  return pool;
}

type Connection = { stream: { cork(): void; uncork(): void }; _send(buffer: Buffer): boolean };

function coalesceWrites(client: pg.PoolClient): void {
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
      process.nextTick(() => {
        corked = false;
        stream.uncork();
      });
    }
    return send(buffer);
  };
}
