import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * ARCHITECTURE.md's "Where each rule lives" is where a newcomer looks first, so a path in it that no longer exists
 * is a wrong answer. Each cell of the file column names paths from the repository's root (`lib/actions/claim-action.ts`,
 * globs like `lib/floors/*.ts`), and after one of those, bare file names in the same folder (`, release-switch.ts`);
 * a bare name before any path is at the root (`proxy.ts`).
 */
const root = path.resolve(__dirname, '..');

function ruleTable(markdown: string): string[] {
  const start = markdown.indexOf('## Where each rule lives');
  const end = markdown.indexOf('\n## ', start + 1);
  expect(start, 'ARCHITECTURE.md has a "Where each rule lives" section').toBeGreaterThan(-1);
  const rows = markdown.slice(start, end === -1 ? undefined : end).split('\n');
  return rows.filter((row) => row.startsWith('| ') && !row.startsWith('| rule ') && !row.startsWith('|---'));
}

/** Whether a path exists; a `*` may stand for part of the last segment's name (`lib/floors/*.ts`). */
function exists(named: string): boolean {
  if (!named.includes('*')) return existsSync(path.join(root, named));
  const folder = path.join(root, path.posix.dirname(named));
  const pattern = new RegExp(`^${path.posix.basename(named).split('*').map(escapeRegExp).join('.*')}$`);
  return existsSync(folder) && readdirSync(folder).some((entry) => pattern.test(entry));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** The paths one row's file column names, resolved from the repository's root. */
export function namedPaths(row: string): string[] {
  const cells = row.split(' | ');
  const fileCell = cells[cells.length - 1] ?? '';
  const paths: string[] = [];
  let folder: string | null = null;
  for (const [, token = ''] of fileCell.matchAll(/`([^`]+)`/g)) {
    const name = token.split(' ')[0] ?? '';
    if (!/\.(ts|tsx|mjs|cjs|json|md)$/.test(name) && !name.endsWith('/')) continue;
    if (name.includes('/')) {
      folder = name.endsWith('/') ? name.slice(0, -1) : path.posix.dirname(name);
      paths.push(name);
    } else {
      paths.push(folder ? `${folder}/${name}` : name);
    }
  }
  return paths;
}

describe('ARCHITECTURE.md, "Where each rule lives"', () => {
  const rows = ruleTable(readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8'));

  it('has rows, each naming at least one file', () => {
    expect(rows.length).toBeGreaterThan(40);
    const without = rows.filter((row) => namedPaths(row).length === 0);
    expect(without, 'rows that name no file').toEqual([]);
  });

  it('names only paths that exist', () => {
    const missing = rows.flatMap((row) => namedPaths(row)).filter((named) => !exists(named));
    expect(missing).toEqual([]);
  });

  it('reads bare names from the folder of the path before them', () => {
    expect(namedPaths('| x | `lib/incidents/timeline/` (`categories.ts`) |')).toEqual([
      'lib/incidents/timeline/',
      'lib/incidents/timeline/categories.ts',
    ]);
    expect(
      namedPaths('| x | `lib/kill-switches/global-stop.ts`, `release-switch.ts`, `lib/actions/claim-action.ts` |'),
    ).toEqual([
      'lib/kill-switches/global-stop.ts',
      'lib/kill-switches/release-switch.ts',
      'lib/actions/claim-action.ts',
    ]);
  });
});
