// The messages between lib/db/sqlite/worker-connection.ts (the server's side) and worker-thread.cjs (the worker's).
// Messages both ways are arrays, one per turn of the sender's event loop. A statement travels as a number once its
// text has been sent (`ref`), so a message carries values, not the same SQL over and over.

export type WireStatement = { ref?: number; sql?: string; values: unknown[] };
export type Request =
  | { id: number; kind: 'query'; statement: WireStatement }
  | { id: number; kind: 'write'; statements: WireStatement[] }
  | { id: 0; kind: 'autocheckpoint'; pages: number }
  | { id: 0; kind: 'close' };
export type Failure = { message: string; code?: string };
export type Reply = { id: number; counts?: number[]; rows?: unknown[]; error?: Failure; fatal?: Failure };
export type WorkerSettings = { file: string; autocheckpoint: number; busyMs: number };
export type CheckpointerSettings = { file: string; pollMs: number; quietMs: number; maxDeferMs: number };
