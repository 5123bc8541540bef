import path from 'node:path';

/**
 * A worker thread's file (lib/db/sqlite/*-thread.cjs), run as it is: the server's bundle does not contain it, so it
 * is found from the app's root, the directory the server runs in (as `npm start` and the tests do).
 */
export function threadFile(name: 'worker-thread.cjs' | 'checkpointer-thread.cjs'): string {
  return path.join(process.cwd(), 'lib/db/sqlite', name);
}
