/**
 * Who may write on the SQLite file from the server's thread: Prisma's transactions and the gate's batches (each on a
 * connection of its own) take turns, first come first served. Both may await real I/O while their transaction is open
 * (a batch checks a requester's signature with WebCrypto); had the other connection then asked for the write lock,
 * SQLite's busy handler would have slept on this very thread, and the holder could never have finished.
 * Prisma's statements outside transactions do not take a turn; they only wait while a batch is open.
 */
export class ConnectionTurns {
  private tail: Promise<void> = Promise.resolve();
  /** Set while a gate batch has its transaction open. */
  batch: Promise<void> | null = null;

  /** Resolves, once it is the caller's turn, to the function that ends it. */
  take(): Promise<() => void> {
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => ended);
    return previous.then(() => end);
  }

  async batchesDone(): Promise<void> {
    while (this.batch) await this.batch;
  }
}
