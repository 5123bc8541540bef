import pg from 'pg';
import { CoalescingSocket } from './pool';

/**
 * One pipelined PostgreSQL connection for the hot path's statements outside any transaction: the agent-key lookup
 * that every agent request starts with. Requests that arrive together send their lookups in one write at the end of
 * the event loop's turn, and the backend answers them in one go. On this kind of machine a round trip (a write, a
 * wake-up of the backend, a read) costs more CPU than the statement itself (docs/BENCHMARKS.md).
 *
 * Only short statements belong here: they run one after another. When the connection fails, the statements in flight
 * fail with it (their requests get an error, nothing is let through) and the next one opens a new connection.
 */
export class PgReader {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;

  constructor(private readonly config: pg.ClientConfig) {}

  async query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    const client = this.client ?? (await (this.connecting ??= this.connect()));
    try {
      return await client.query(config);
    } catch (error) {
      // The backend may say it is going away before the socket closes: do not send the next statements after it.
      if (isConnectionFailure(error)) this.forget(client);
      throw error;
    }
  }

  private forget(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
  }

  async end(): Promise<void> {
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, pipeline: true, stream: () => new CoalescingSocket('turn') });
    const forget = () => this.forget(client);
    client.on('error', forget); // without a listener, a dropped connection would end the process
    client.on('end', forget);
    try {
      await client.connect();
      this.client = client;
      return client;
    } finally {
      this.connecting = null;
    }
  }
}

/** Errors after which the connection is no good: socket errors, FATAL, and SQLSTATE classes 08 and 57P (shutdown). */
function isConnectionFailure(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: string; severity?: string };
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  if (!code) return true; // not a server error: the connection or the driver failed
  return code.startsWith('08') || code.startsWith('57P') || code.startsWith('E');
}
