import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

/**
 * The SQLite file holds password hashes, webhook secrets and Slack URLs: it is created 0600 in a directory created
 * 0700, before SQLite opens it. SQLite gives its -wal, -shm and -journal files the database file's own mode, so they
 * follow; files left by an older install (created 0644) are tightened here too. A directory that already exists is
 * left as it is: it may be shared (e.g. /var/lib), and the files in it are private either way.
 */
export function preparePrivateSqliteFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}
