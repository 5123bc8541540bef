// Every endpoint the production build serves, read from Next's own manifests: pages and route handlers from the
// app-path routes manifest, server actions from the server-reference manifest (id, file and export). The
// authorization matrix must name each one, so a new endpoint cannot ship without a decision on who may call it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const BUILD = path.resolve(__dirname, '../../.next');

/** Next's own error pages and the icon: not endpoints of Warden's. */
const FRAMEWORK_ROUTES = new Set(['/_global-error', '/_not-found', '/icon.svg']);

export type RouteEndpoint = { pattern: string; kind: 'page' | 'route' };
export type ServerActionEndpoint = { key: string; id: string; pagePattern: string };

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(BUILD, file), 'utf8')) as T;
}

/** `/(console)/agents/[id]/page` → `/agents/[id]`: route groups dropped, as Next does. */
function urlPattern(entry: string): string {
  const pattern = entry
    .replace(/\/(page|route)$/, '')
    .split('/')
    .filter((segment) => !/^\(.+\)$/.test(segment))
    .join('/');
  return pattern === '' ? '/' : pattern;
}

export function discoverRoutes(): RouteEndpoint[] {
  const manifest = readJson<Record<string, string>>('app-path-routes-manifest.json');
  return Object.keys(manifest)
    .map((entry) => ({
      pattern: urlPattern(entry),
      kind: entry.endsWith('/route') ? ('route' as const) : ('page' as const),
    }))
    .filter(({ pattern }) => !FRAMEWORK_ROUTES.has(pattern))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

type ReferenceManifest = {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
};

/** Server actions by "file#export" (ids change with every build), with a page that can receive each. */
export function discoverServerActions(): ServerActionEndpoint[] {
  const manifest = readJson<ReferenceManifest>('server/server-reference-manifest.json');
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((name) => name.endsWith('/page'));
      if (!worker) throw new Error(`Server action ${entry.filename}#${entry.exportedName} is used by no page`);
      return {
        key: `${entry.filename}#${entry.exportedName}`,
        id,
        pagePattern: urlPattern(worker.replace(/^app/, '')),
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
