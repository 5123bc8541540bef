// The authorization matrix, generated from the build: every page, route handler and server action Next serves is
// called by every kind of caller (signed out, each role, the owner of another agent, an agent key, a disabled user,
// a signed-out session), and each answer must match e2e/authz/matrix.ts. An endpoint the table does not name fails
// the spec, so nothing new ships without a decision on who may call it.
import { test, expect } from '../fixtures/test';
import { SETUP } from '../fixtures/factories';
import { appModule } from '../fixtures/app-module';
import { CALLERS, createCallers, createPeople, type Caller, type People } from '../authz/callers';
import {
  isLetThrough,
  isRefused,
  NAVIGATION_FROM_QUEUE,
  send,
  serverActionInit,
  type Answer,
  type EndpointKind,
} from '../authz/call-endpoint';
import { discoverRoutes, discoverServerActions } from '../authz/discover-endpoints';
import { ROUTES, SERVER_ACTIONS } from '../authz/matrix';
import { createSubject, fillPath, type Subject } from '../authz/subject';

const { releaseGlobalStop } = appModule<typeof import('@/lib/kill-switches/set-global-stop')>(
  '@/lib/kill-switches/set-global-stop',
);

test.describe.configure({ mode: 'serial' });
// The matrix engages and releases the global stop (an admin may), so it runs in the project that runs alone.
test.skip(
  ({ databaseUrl }) => databaseUrl.startsWith('postgres'),
  'The matrix is about the app, not the database: SQLite only.',
);

let people: People;
let callers: Caller[];
let shared: Subject;

test.beforeAll(async ({ baseURL }) => {
  people = await createPeople();
  shared = await createSubject(baseURL!, people.owner);
  callers = await createCallers(baseURL!, people, { id: shared.agentId });
});

test.afterAll(async () => {
  await releaseGlobalStop(SETUP);
});

test('the matrix names every endpoint of the build, and only those', () => {
  expect(discoverRoutes().map((route) => route.pattern)).toEqual(
    Object.keys(ROUTES).sort((a, b) => a.localeCompare(b)),
  );
  expect(discoverServerActions().map((action) => action.key)).toEqual(
    Object.keys(SERVER_ACTIONS).sort((a, b) => a.localeCompare(b)),
  );
});

/** The part of an answer worth reading in a failure: a server action's result line, or the start of the body. */
function summary(text: string): string {
  return (text.match(/^1:(.*)$/m)?.[1] ?? text).slice(0, 200);
}

function verdicts(
  baseURL: string,
  kind: EndpointKind,
  allow: readonly string[] | 'everyone',
  answers: [Caller, Answer][],
) {
  return answers.map(([caller, answer]) => {
    const allowed = allow === 'everyone' || allow.includes(caller.name);
    const ok = allowed ? isLetThrough(answer, baseURL, kind) : isRefused(answer, baseURL, kind);
    return {
      caller: caller.name,
      expected: allowed ? 'let through' : 'refused',
      ok,
      answer: `${answer.status} ${answer.location ?? ''} ${summary(answer.text)}`,
    };
  });
}

test('pages and route handlers answer each caller as the matrix says', async ({ baseURL }) => {
  const failures: unknown[] = [];
  for (const route of discoverRoutes()) {
    const rule = ROUTES[route.pattern];
    const path = fillPath(route.pattern, shared);
    const body = rule.body?.(shared);
    const answers: [Caller, Answer][] = [];
    for (const caller of CALLERS.map((name) => callers.find((c) => c.name === name)!)) {
      const init = {
        method: rule.method,
        stream: rule.stream,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      };
      answers.push([caller, await send(baseURL!, caller, path, init)]);
    }
    for (const verdict of verdicts(baseURL!, route.kind, rule.allow, answers))
      if (!verdict.ok) failures.push({ route: route.pattern, ...verdict });
  }
  expect(failures).toEqual([]);
});

test('console pages check the session themselves, also when a navigation renders only the page', async ({
  baseURL,
}) => {
  const failures: unknown[] = [];
  for (const route of discoverRoutes().filter(
    (r) => r.kind === 'page' && r.pattern !== '/queue' && ROUTES[r.pattern].allow !== 'everyone',
  )) {
    const rule = ROUTES[route.pattern];
    const path = fillPath(route.pattern, shared);
    const answers: [Caller, Answer][] = [];
    for (const caller of callers) {
      let answer = await send(baseURL!, caller, path, { headers: NAVIGATION_FROM_QUEUE });
      // Next first sends an RSC request to the same URL with its cache-busting `_rsc` parameter, as the router does.
      if (answer.status === 307 && answer.location?.includes('_rsc='))
        answer = await send(baseURL!, caller, answer.location, { headers: NAVIGATION_FROM_QUEUE });
      answers.push([caller, answer]);
    }
    for (const verdict of verdicts(baseURL!, 'page', rule.allow, answers))
      if (!verdict.ok) failures.push({ route: route.pattern, ...verdict });
  }
  expect(failures).toEqual([]);
});

test('server actions answer each caller as the matrix says', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const failures: unknown[] = [];
  for (const action of discoverServerActions()) {
    const rule = SERVER_ACTIONS[action.key];
    const subject = await createSubject(baseURL!, people.owner);
    const page = fillPath(action.pagePattern, subject);
    const actionCallers = rule.endsOwnSessions
      ? await createCallers(baseURL!, await createPeople(), { id: subject.agentId })
      : callers;
    // Refused callers first, so that an allowed call's change cannot hide a refusal.
    const ordered = [...actionCallers].sort(
      (a, b) => Number(rule.allow.includes(a.name)) - Number(rule.allow.includes(b.name)),
    );
    const answers: [Caller, Answer][] = [];
    for (const caller of ordered)
      answers.push([caller, await send(baseURL!, caller, page, serverActionInit(action.id, rule.args(subject)))]);
    // The admin's "Stop all agents" holds until released: the next subjects need a working gate.
    await releaseGlobalStop(SETUP);
    for (const verdict of verdicts(baseURL!, 'server action', rule.allow, answers))
      if (!verdict.ok) failures.push({ action: action.key, ...verdict });
  }
  expect(failures).toEqual([]);
});
