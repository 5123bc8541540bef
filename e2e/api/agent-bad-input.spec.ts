// Bad input on every agent endpoint: a fixed corpus, then fast-check generation (WARDEN_FUZZ_CASES per endpoint;
// 200 in `npm test`, 10,000 in `npm run test:fuzz`). Every answer is a 4xx with an error body, never a 5xx, and the
// agent's footprint in the database (actions, Idempotency-Key records, audit events but refusals) does not move.
import fc from 'fast-check';
import { test, expect } from '../fixtures/test';
import { agentClient } from '../fixtures/agent-client';
import { seedAgentWithTool, VALID_TICKET } from '../fixtures/factories';
import { agentFootprint } from '../fuzz/agent-database';
import { sendRaw, isClientErrorWithBody, describeReply, type RawReply } from '../fuzz/agent-requests';
import { badBodyArbitrary, chunkedOversizeBody, commonBadBodies, type BadBody } from '../fuzz/bad-bodies';

const CASES = Number(process.env.WARDEN_FUZZ_CASES ?? 200);
// About 2 ms a request on a quiet machine; the budget allows a busy one ten times slower.
test.setTimeout(Math.max(60_000, CASES * 5 * 25));

type Fuzzed = { agentId: string; key: string; pendingId: string; toolName: string };

async function seedFuzzedAgent(baseURL: string): Promise<Fuzzed> {
  const { agent, tool, key } = await seedAgentWithTool({ approvalRequired: true });
  const pending = await agentClient(baseURL, key).propose({ tool: tool.name, params: VALID_TICKET });
  expect(pending.status).toBe(201);
  return { agentId: agent.id, key, pendingId: pending.body.id, toolName: tool.name };
}

/** The agent API's POST endpoints, each with a body it would accept and one defect it always refuses. */
function postEndpoints(f: Fuzzed) {
  return [
    {
      path: '/api/v1/actions',
      valid: { tool: f.toolName, params: VALID_TICKET, reason: 'r' },
      sureBad: '"sources":{"not":"an array"}',
    },
    // A pending action can be neither claimed nor reported on: even a well-formed body is a 409, never a change.
    {
      path: `/api/v1/actions/${f.pendingId}/claim`,
      valid: { paramsHash: 'a'.repeat(64) },
      sureBad: '"paramsHash":"zz"',
    },
    { path: `/api/v1/actions/${f.pendingId}/result`, valid: { ok: true, output: { n: 1 } }, sureBad: '"ok":"yes"' },
  ];
}

function expectRefused(reply: RawReply, what: string) {
  expect(isClientErrorWithBody(reply), `${what} → ${describeReply(reply)}`).toBe(true);
}

async function expectFootprintUnchanged(agentId: string, run: () => Promise<void>) {
  const before = await agentFootprint(agentId);
  await run();
  const after = await agentFootprint(agentId);
  expect(after.actions).toBe(before.actions);
  expect(after.idempotencyRecords).toBe(before.idempotencyRecords);
  expect(after.otherEvents).toEqual(before.otherEvents);
}

test.describe('agent API: a fixed corpus of bad input', () => {
  test('every POST endpoint refuses each corpus body with a 4xx and an error body, changing nothing', async ({
    baseURL,
  }) => {
    const f = await seedFuzzedAgent(baseURL!);
    await expectFootprintUnchanged(f.agentId, async () => {
      for (const endpoint of postEndpoints(f)) {
        const corpus: BadBody[] = [
          ...commonBadBodies(endpoint.valid),
          { name: 'a wrong type for each field', body: `{${endpoint.sureBad}}` },
          { name: 'an empty body', body: '' },
        ];
        for (const bad of corpus) {
          const reply = await sendRaw(baseURL!, {
            method: 'POST',
            path: endpoint.path,
            key: f.key,
            body: bad.body,
            headers: bad.headers,
          });
          expectRefused(reply, `${endpoint.path}: ${bad.name}`);
        }
      }
    });
  });

  test('POST /api/v1/actions: wrong types, unicode and control characters name the field', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    const cases: [unknown, string][] = [
      [{ tool: 7, params: VALID_TICKET }, 'tool'],
      [{ tool: f.toolName, params: [] }, 'params'],
      [{ tool: f.toolName, params: 'x' }, 'params'],
      [{ tool: f.toolName, params: null }, 'params'],
      [{ tool: f.toolName, params: VALID_TICKET, reason: {} }, 'reason'],
      [{ tool: f.toolName, params: VALID_TICKET, sources: 'x' }, 'sources'],
      [
        { tool: f.toolName, params: VALID_TICKET, sources: [{ title: 'a', url: 'javascript:alert(1)' }] },
        'sources.0.url',
      ],
      [{ tool: f.toolName, params: { ...VALID_TICKET, priority: '2' } }, 'priority'],
      [{ tool: f.toolName, params: { ...VALID_TICKET, '\u202egnp.exe': 1 } }, 'params.\u202egnp.exe'],
      [{ tool: f.toolName, params: { ...VALID_TICKET, 'a\u0007\u001b[31m': 1 } }, 'is not a parameter of this tool'],
      [{ tool: f.toolName, params: { title: '\u200b\u200b', priority: 99 } }, 'priority'],
      [{ tool: f.toolName, params: VALID_TICKET, traceId: 'x'.repeat(201) }, 'traceId'],
    ];
    await expectFootprintUnchanged(f.agentId, async () => {
      for (const [body, field] of cases) {
        const reply = await sendRaw(baseURL!, {
          method: 'POST',
          path: '/api/v1/actions',
          key: f.key,
          body: JSON.stringify(body),
        });
        expectRefused(reply, JSON.stringify(body));
        expect(reply.status).toBe(422);
        expect(JSON.stringify(reply.json), JSON.stringify(body)).toContain(field);
      }
    });
  });

  test('a body over the limit without a Content-Length is cut off at the limit: 413', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    await expectFootprintUnchanged(f.agentId, async () => {
      const response = await fetch(new URL('/api/v1/actions', baseURL), {
        method: 'POST',
        headers: { authorization: `Bearer ${f.key}`, 'content-type': 'application/json' },
        body: chunkedOversizeBody(10 * 1024 * 1024),
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect((await response.json()).error).toMatchObject({ code: 'payload_too_large', limitBytes: 256 * 1024 });
    });
  });

  test('GET endpoints: bad ids, queries and keys are 4xx with an error body', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    const ids = [
      'x',
      'x'.repeat(5000),
      encodeURIComponent('\u202e\u0000é😀'),
      '%2e%2e%2fagent',
      `${f.pendingId}%00`,
      encodeURIComponent(`${f.pendingId}'--`),
    ];
    const queries = ['?wait=-1', '?wait=61', '?wait=abc', '?wait=1e400', '?wait=1.5', `?wait=${'9'.repeat(400)}`];
    const keys = ['', 'x', 'wk_' + 'a'.repeat(5000), `${f.key}x`, f.key.slice(0, -1), 'Bearer', 'é'];
    await expectFootprintUnchanged(f.agentId, async () => {
      for (const id of ids)
        expectRefused(
          await sendRaw(baseURL!, { method: 'GET', path: `/api/v1/actions/${id}`, key: f.key }),
          `id ${id.slice(0, 40)}`,
        );
      for (const query of queries)
        expectRefused(
          await sendRaw(baseURL!, { method: 'GET', path: `/api/v1/actions/${f.pendingId}${query}`, key: f.key }),
          query,
        );
      for (const key of keys) {
        for (const path of ['/api/v1/agent', `/api/v1/actions/${f.pendingId}`])
          expectRefused(await sendRaw(baseURL!, { method: 'GET', path, key }), `key ${key.slice(0, 20)}`);
      }
    });
  });
});

test.describe(`agent API: ${CASES} generated bad inputs per endpoint`, () => {
  test('POST endpoints refuse every generated body', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    await expectFootprintUnchanged(f.agentId, async () => {
      for (const endpoint of postEndpoints(f)) {
        await fc.assert(
          fc.asyncProperty(
            badBodyArbitrary(endpoint.valid, endpoint.sureBad),
            fc.option(fc.string({ minLength: 1, maxLength: 300 })),
            async (bad, idempotencyKey) => {
              const headers =
                idempotencyKey === null
                  ? undefined
                  : { 'idempotency-key': idempotencyKey.replace(/[^\x20-\x7e]/g, '?') };
              const reply = await sendRaw(baseURL!, {
                method: 'POST',
                path: endpoint.path,
                key: f.key,
                body: bad.body,
                headers,
              });
              return isClientErrorWithBody(reply) || failWith(`${endpoint.path} ${bad.name} → ${describeReply(reply)}`);
            },
          ),
          { numRuns: CASES },
        );
      }
    });
  });

  test('GET /api/v1/actions/:id refuses every generated id and query', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    const id = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s !== '.' && s !== '..'),
      fc.uuid().map((uuid) => uuid),
      fc.constant(f.pendingId),
    );
    const badWait = fc.oneof(
      fc.integer({ min: 61 }),
      fc.integer({ max: -1 }),
      fc.double().filter((n) => !Number.isInteger(n)),
      fc.string({ maxLength: 20 }),
    );
    // Number(wait) is what the route coerces: anything that reads as 0–60 seconds would be a valid long poll.
    const isValidWait = (wait: unknown) =>
      Number.isInteger(Number(String(wait))) && Number(String(wait)) >= 0 && Number(String(wait)) <= 60;
    await expectFootprintUnchanged(f.agentId, async () => {
      await fc.assert(
        fc.asyncProperty(
          id,
          badWait.filter((wait) => !isValidWait(wait)),
          async (actionId, wait) => {
            // The agent's own pending action exists: only a bad `wait` makes a request for it a refusal.
            const query = actionId === f.pendingId ? `?wait=${encodeURIComponent(String(wait))}` : '';
            const reply = await sendRaw(baseURL!, {
              method: 'GET',
              path: `/api/v1/actions/${encodeURIComponent(actionId)}${query}`,
              key: f.key,
            });
            return isClientErrorWithBody(reply) || failWith(`${actionId}${query} → ${describeReply(reply)}`);
          },
        ),
        { numRuns: CASES },
      );
    });
  });

  test('GET /api/v1/agent refuses every generated key', async ({ baseURL }) => {
    const f = await seedFuzzedAgent(baseURL!);
    // Any byte a header value may carry (fetch refuses DEL and controls before sending).
    const headerSafe = fc.string({
      unit: fc
        .integer({ min: 0x20, max: 0xff })
        .filter((c) => c !== 0x7f)
        .map((c) => String.fromCharCode(c)),
      maxLength: 300,
    });
    await expectFootprintUnchanged(f.agentId, async () => {
      await fc.assert(
        fc.asyncProperty(headerSafe, fc.constantFrom('Bearer ', 'bearer ', 'Basic ', ''), async (key, scheme) => {
          const reply = await sendRaw(baseURL!, {
            method: 'GET',
            path: '/api/v1/agent',
            key: null,
            headers: { authorization: `${scheme}${key}`.trim() || 'x' },
          });
          return isClientErrorWithBody(reply) || failWith(`${scheme}${key} → ${describeReply(reply)}`);
        }),
        { numRuns: CASES },
      );
    });
  });
});

function failWith(message: string): never {
  throw new Error(message);
}
