import pg from 'pg';
import { CHANGE_CHANNEL, type ChangeFeed, type ChangeFeedListener, type ChangeNotice } from '../engine';
import { logger } from '../../logging/logger';

/** How the connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'warden change listener';
/** Backoff between reconnection attempts: from the first to the last, doubling. */
const RETRY_FIRST_MS = 100;
const RETRY_LAST_MS = 5000;
/**
 * A query on the idle connection this often: a connection cut without a FIN (a failover, a dead network path) is
 * otherwise heard of only when TCP gives up, minutes later; this way within a few seconds.
 */
const HEARTBEAT_MS = 5000;

/**
 * The process's ear on the database (LISTEN on one connection of its own, not from a pool: a pooled connection would
 * be handed to others and stop listening). Connects when the first listener subscribes; when the connection drops it
 * tells listeners (who poll meanwhile) and reconnects with backoff; once listening again, it says so (listeners catch
 * up once: notices sent while nobody listened are lost for good).
 */
export class NotifyListener implements ChangeFeed {
  private readonly listeners = new Set<ChangeFeedListener>();
  private client: pg.Client | null = null;
  private started = false;
  private closed = false;
  private retryMs = RETRY_FIRST_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  listening = false;

  constructor(private readonly url: string) {}

  subscribe(listener: ChangeFeedListener): () => void {
    this.listeners.add(listener);
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.retryTimer = null;
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: LISTENER_NAME });
    this.client = client;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      void client.end().catch(() => undefined);
      this.lost(client);
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL || !message.payload) return;
      const notice = parseNotice(message.payload);
      if (notice) this.tell((listener) => listener.notice(notice));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (this.closed || lost) return;
    this.retryMs = RETRY_FIRST_MS;
    this.listening = true;
    this.heartbeat = setInterval(() => void client.query('SELECT 1').catch(onLost), HEARTBEAT_MS);
    this.heartbeat.unref();
    this.tell((listener) => listener.connected());
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const wasListening = this.listening;
    this.listening = false;
    if (wasListening) this.tell((listener) => listener.disconnected());
    if (this.closed) return;
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_LAST_MS);
  }

  private tell(call: (listener: ChangeFeedListener) => void): void {
    for (const listener of [...this.listeners]) {
      try {
        call(listener);
      } catch (error) {
        logger().error({ err: error }, 'a listener of database changes failed');
      }
    }
  }
}

/** `seq:type:actionId`; anything else is ignored (it was not sent by Warden's audit append). */
export function parseNotice(payload: string): ChangeNotice | null {
  const [seq, type, actionId, ...rest] = payload.split(':');
  if (rest.length > 0 || !seq || !type || actionId === undefined || !/^\d+$/.test(seq)) return null;
  return { seq: Number(seq), type, actionId: actionId || null };
}
