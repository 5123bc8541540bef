// npm test's last stage: no secret the run created may appear in anything its servers wrote. Reads every file in
// data/test/logs/ (servers' stdout and stderr, e2e/fixtures/test-logs.cjs) and looks for each secret the fixtures
// recorded in data/test/secrets, and for anything shaped like an agent key or a channel secret (recorded or not: specs
// that make their own keys are covered too). A failure names the file, the line and the kind of secret, never the
// secret itself. `--clear` empties both before a run.
//
// Where the line is: a server's log is everything a server process prints (requests, errors, jobs). A CLI command's
// answer on its own stdout (the one-time password `warden user create` prints for the admin to hand over) is output
// asked for, not a log, and is not captured here; the secret must still never reach a server's log.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LOG_DIR = path.join(root, 'data/test/logs');
const SECRETS_FILE = path.join(root, 'data/test/secrets');
// Shorter values could match by chance (and no secret the suite makes is this short).
const MIN_SECRET_LENGTH = 8;
const PROBE = MIN_SECRET_LENGTH;

/** Secrets recognisable by their shape (lib/auth/agent-key.ts, lib/notifications/create-channel.ts). */
export const SECRET_SHAPES = [
  { kind: 'agent key (by shape)', pattern: /wdn_[A-Za-z0-9_-]{43}/ },
  { kind: 'channel secret (by shape)', pattern: /whsec_[A-Za-z0-9_-]{43}/ },
];

/**
 * Every place a secret appears in the logs: each recorded secret as written, URL-encoded and JSON-escaped, and every
 * match of a secret's shape. One pass over each file (an index of the secrets' first characters), so thousands of
 * secrets against tens of megabytes of logs stay fast.
 * @param {{ file: string, text: string }[]} logs
 * @param {{ kind: string, value: string }[]} secrets
 * @returns {{ file: string, line: number, kind: string, hint: string }[]}
 */
export function findLeaks(logs, secrets) {
  /** @type {Map<string, { kind: string, needle: string, value: string }[]>} */
  const byProbe = new Map();
  const seen = new Set();
  for (const { kind, value } of secrets) {
    if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
    for (const needle of new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])) {
      if (seen.has(needle)) continue;
      seen.add(needle);
      const probe = needle.slice(0, PROBE);
      byProbe.set(probe, [...(byProbe.get(probe) ?? []), { kind, needle, value }]);
    }
  }
  const leaks = [];
  for (const { file, text } of logs) {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineOf = (index) => {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (lineStarts[mid] <= index) low = mid;
        else high = mid - 1;
      }
      return low + 1;
    };
    const found = new Set();
    const report = (index, kind, value) => {
      const line = lineOf(index);
      const key = `${line}\0${value}`; // once per line and value, whichever way it was found
      if (found.has(key)) return;
      found.add(key);
      leaks.push({ file, line, kind, hint: hintOf(value) });
    };
    for (let i = 0; i + PROBE <= text.length; i++) {
      const candidates = byProbe.get(text.slice(i, i + PROBE));
      if (!candidates) continue;
      for (const { kind, needle, value } of candidates) if (text.startsWith(needle, i)) report(i, kind, value);
    }
    for (const { kind, pattern } of SECRET_SHAPES) {
      const global = new RegExp(pattern.source, 'g');
      for (const match of text.matchAll(global)) report(match.index ?? 0, kind, match[0]);
    }
  }
  return leaks;
}

/** Enough to tell which secret it was, never enough to use it. */
export function hintOf(value) {
  return `${value.slice(0, Math.min(6, Math.floor(value.length / 4)))}… (${value.length} characters)`;
}

function readSecrets() {
  if (!existsSync(SECRETS_FILE)) return [];
  return readFileSync(SECRETS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

function readLogs() {
  if (!existsSync(LOG_DIR)) return [];
  return readdirSync(LOG_DIR)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({
      file: path.relative(root, path.join(LOG_DIR, name)),
      text: readFileSync(path.join(LOG_DIR, name), 'utf8'),
    }));
}

function main() {
  if (process.argv.includes('--clear')) {
    rmSync(LOG_DIR, { recursive: true, force: true });
    rmSync(SECRETS_FILE, { force: true });
    return 0;
  }
  const logs = readLogs();
  const secrets = readSecrets();
  // Nothing to read means the capture broke, not that the logs are clean.
  if (logs.length === 0 || secrets.length === 0) {
    console.error(`[logs] nothing to scan: ${logs.length} log files in ${LOG_DIR}, ${secrets.length} secrets recorded`);
    return 1;
  }
  const leaks = findLeaks(logs, secrets);
  const bytes = logs.reduce((sum, log) => sum + log.text.length, 0);
  const distinct = new Set(secrets.map((secret) => secret.value)).size;
  if (leaks.length === 0) {
    console.log(`[logs] ${logs.length} log files (${(bytes / 1e6).toFixed(1)} MB): none of ${distinct} secrets found`);
    return 0;
  }
  for (const leak of leaks) console.error(`${leak.file}:${leak.line}: ${leak.kind} ${leak.hint}`);
  console.error(`[logs] ${leaks.length} secret(s) found in the servers' logs`);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
