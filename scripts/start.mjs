// `npm start`: prepare the database (migrate, seed a demo workspace on an empty one), build if the build is missing
// or older than the sources, then serve the console (scripts/server.mjs). Works on a fresh clone with no configuration at all.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const port = process.env.PORT || '3000';

process.env.NEXT_TELEMETRY_DISABLED = '1';
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
process.env.NEXTAUTH_SECRET ||= sessionSecret();

// Demo mode: the demo upstream MCP server (a small CRM, scripts/demo-mcp-server.ts) runs beside the console, on
// loopback at WARDEN_DEMO_MCP_PORT (default as in lib/env.ts; 0: not started), before the seed that registers it, and
// stops with this process. The egress policy opens that one address and port for it, nothing else on loopback.
const demoMcpPort = process.env.WARDEN_DEMO_MCP_PORT ?? '3901';
if ((process.env.WARDEN_SEED ?? 'demo') === 'demo' && demoMcpPort !== '0') {
  process.env.WARDEN_EGRESS_ALLOW = [process.env.WARDEN_EGRESS_ALLOW, `127.0.0.1:${demoMcpPort}`]
    .filter(Boolean)
    .join(',');
  const demoMcp = spawn(bin('tsx'), ['scripts/demo-mcp-server.ts', demoMcpPort], { cwd: root, stdio: 'inherit' });
  demoMcp.on('exit', (code) => code && console.error(`[warden] the demo MCP server stopped (exit ${code})`));
  process.on('exit', () => demoMcp.kill('SIGTERM'));
}

run(bin('tsx'), ['scripts/prepare-database.ts']);
if (process.env.WARDEN_SKIP_BUILD !== '1' && buildIsStale()) run(bin('next'), ['build']);

// The server is scripts/server.mjs (Next's custom-server API, one JSON log line per request; see there): same port
// (PORT), host (HOSTNAME) and 65 s keep-alive timeout as `next start -p … -H … --keepAliveTimeout 65000` had.
const server = spawn(process.execPath, [path.join(root, 'scripts/server.mjs')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Without NEXTAUTH_SECRET, a random one is kept in data/ so sessions survive restarts of this install. */
function sessionSecret() {
  const file = path.join(root, 'data/.session-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, '.next/BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'public'].filter((dir) => existsSync(path.join(root, dir)));
  return (
    sources.some((dir) => newestMtime(path.join(root, dir)) > built) ||
    ['next.config.js', 'package.json'].some((file) => statSync(path.join(root, file)).mtimeMs > built)
  );
}
