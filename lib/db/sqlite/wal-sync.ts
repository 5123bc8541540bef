import { close, closeSync, fdatasync, open, openSync } from 'node:fs';

/**
 * The sync of a SQLite file's WAL on libuv's thread pool (fdatasync, as SQLite syncs it: data and size, not the
 * modification time), shared by every connection of the engine that commits at
 * synchronous=NORMAL (the gate's group commit and Prisma's connection): their COMMITs write the WAL without syncing
 * it, and each caller is answered only after a sync that began after its commit — durability as FULL gives it, but the
 * server's thread serves other requests while the disk works. (A later commit cannot survive a power cut without an
 * earlier one: WAL frames are checksummed in a chain.)
 *
 * The file stays open with the engine (opening and closing it per sync cost more than the sync's hand-off): SQLite
 * keeps the same -wal file while any connection is open — a checkpoint truncates or rewinds it, never replaces it.
 */
export class WalSync {
  private fd: number | undefined;
  private closed = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly walPath: string) {}

  /** Whether the WAL file is open (for tests of its closing). */
  get holdsFile(): boolean {
    return this.fd !== undefined;
  }

  /** Resolves once every frame written to the WAL before the call is on disk. */
  sync(): Promise<void> {
    if (this.closed) return syncOnce(this.walPath);
    let fd: number;
    try {
      fd = this.fd ??= openSync(this.walPath, 'r');
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const done = new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    this.inFlight.add(done);
    const forget = () => this.inFlight.delete(done);
    done.then(forget, forget);
    return done;
  }

  /**
   * Closes the file once the syncs in flight are done: closed under one, that sync would fail; and a number closed
   * before a sync starts could by then be another file's, so the sync would cover the wrong file while its commit is
   * answered as durable. A sync asked for after this opens the file for itself.
   */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function syncOnce(walPath: string): Promise<void> {
  return new Promise((resolve, reject) =>
    open(walPath, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      fdatasync(fd, (syncError) => close(fd, () => (syncError ? reject(syncError) : resolve())));
    }),
  );
}
