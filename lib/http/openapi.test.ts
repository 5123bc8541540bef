import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { toActionView, type ActionView } from '../actions/action-view';
import type { ProposalResult } from '../gate/propose-action';
import { claimActionSchema, proposeActionSchema, reportResultSchema } from '../actions/schemas';
import { WardenError } from '../errors';
import { decideProposal } from '../policy/decide-proposal';
import { facts } from '../policy/gate-fixtures';
import {
  actionViewSchema,
  errorResponseSchema,
  proposalResultSchema,
  type ActionViewResponse,
} from './api-response-schemas';
import { toErrorPayload } from './error-response';
import { buildOpenApiDocument, REQUEST_EXAMPLES, resolveSchema, type JsonSchema } from './openapi';

const document = buildOpenApiDocument();
type Operation = {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, unknown>;
  security?: unknown[];
  summary: string;
};
const operations = Object.entries(document.paths).flatMap(([route, methods]) =>
  Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({ route, method, operation })),
);

/** Every `export … GET|POST` in app/api/v1/**\/route.ts, as "GET /api/v1/actions/{id}". */
function implementedOperations(): string[] {
  const root = path.resolve(__dirname, '../../app/api/v1');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('route.ts'));
  return files.flatMap((file) => {
    const route = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, '{$1}');
    const source = readFileSync(path.join(root, file), 'utf8');
    return [...source.matchAll(/export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
      ([, method]) => `${method} ${route}`,
    );
  });
}

describe('the OpenAPI document', () => {
  it('describes exactly the operations the agent API implements', () => {
    const documented = operations.map(({ method, route }) => `${method.toUpperCase()} ${route}`);
    expect(documented.sort()).toEqual(implementedOperations().sort());
  });

  it('is OpenAPI 3.1 with a bearer agent key required everywhere except the public endpoints', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.agentKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ agentKey: [] }]);
    const publicOnes = operations.filter(({ operation }) => operation.security?.length === 0).map(({ route }) => route);
    expect(publicOnes.sort()).toEqual(['/api/v1/health', '/api/v1/openapi.json', '/api/v1/ready']);
  });

  it('gives every operation a summary, a success response and, when keyed, a 401', () => {
    for (const { operation } of operations) {
      expect(operation.summary).toBeTruthy();
      expect(Object.keys(operation.responses).some((status) => status.startsWith('2'))).toBe(true);
      if (!operation.security) expect(operation.responses).toHaveProperty('401');
    }
  });

  it('resolves every $ref', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map(([, ref]) => ref);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(resolveSchema(document, { $ref: ref })).not.toHaveProperty('$ref');
  });

  it('generates each request body from the zod schema the route validates with, and its example passes that schema', () => {
    const validators = {
      ProposeActionRequest: proposeActionSchema,
      ClaimActionRequest: claimActionSchema,
      ReportResultRequest: reportResultSchema,
    };
    const bodies = operations.filter(({ operation }) => operation.requestBody);
    expect(bodies.map(({ route }) => route).sort()).toEqual([
      '/api/v1/actions',
      '/api/v1/actions/{id}/claim',
      '/api/v1/actions/{id}/result',
    ]);
    for (const { operation } of bodies) {
      const media = operation.requestBody!.content['application/json'];
      const name = String(media.schema.$ref).split('/').pop() as keyof typeof validators;
      const schema = resolveSchema(document, media.schema);
      const generated = z.toJSONSchema(validators[name], { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties as object)).toEqual(Object.keys(generated.properties as object));
      expect(schema.required).toEqual(generated.required);
      expect(validators[name].safeParse(REQUEST_EXAMPLES[name]).success).toBe(true);
      expect((media as { example?: unknown }).example).toEqual(REQUEST_EXAMPLES[name]);
    }
  });

  it('marks only the real required fields of a proposal', () => {
    const schema = document.components.schemas.ProposeActionRequest as {
      required: string[];
      properties: Record<string, { description?: string }>;
    };
    expect(schema.required).toEqual(['tool', 'params']);
    for (const property of Object.values(schema.properties)) expect(property.description).toBeTruthy();
  });
});

const row = {
  id: 'a3b8f5c2-0000-4000-8000-000000000001',
  toolName: 'refund.issue',
  params: JSON.stringify({ orderId: 'ORD-1', amount: 12.5 }),
  editedParams: null as string | null,
  paramsVersion: 1,
  reason: 'Duplicate charge',
  sources: JSON.stringify([{ title: 'Ticket #1', url: 'https://support.example.com/1' }, { title: 'Policy' }]),
  requester: 'jane@example.com',
  requesterVerified: false,
  traceId: 'tr_abc',
  paramsHash: 'ab'.repeat(32),
  approvalsRequired: 1,
  status: 'pending_review',
  gateReasons: JSON.stringify(['review: grant requires approval']),
  decisionReason: null,
  decidedAt: null,
  result: null,
  downstreamRef: null,
  createdAt: new Date('2026-11-25T12:00:00Z'),
  updatedAt: new Date('2026-11-25T12:00:00Z'),
};

describe('the response schemas', () => {
  it.each([
    ['pending, undecided', row],
    [
      'rejected by a reviewer',
      {
        ...row,
        status: 'rejected',
        decisionReason: 'outside the window',
        decidedAt: new Date(),
        reviewer: { id: 'u1', name: 'R' },
      },
    ],
    [
      'succeeded with a result',
      {
        ...row,
        status: 'succeeded',
        result: JSON.stringify({ ok: true, output: { refundId: 're_1' }, error: null }),
        downstreamRef: 're_1',
        reviewer: null,
      },
    ],
    [
      'approved after a reviewer edited the parameters',
      { ...row, status: 'approved', editedParams: JSON.stringify({ orderId: 'ORD-1', amount: 10 }), paramsVersion: 2 },
    ],
    [
      'gate-decided, no reason or sources',
      { ...row, status: 'approved', reason: null, requester: null, sources: '[]', approvalsRequired: 0 },
    ],
  ])('describe every field of a real action view (%s), and nothing more', (_name, input) => {
    const view = toActionView(input);
    // zod drops unknown keys: equality fails if the code returns a field the schema does not document.
    expect(actionViewSchema.parse(view)).toEqual(view);
  });

  it('refuse an action view that breaks the contract', () => {
    expect(actionViewSchema.safeParse({ ...toActionView(row), status: 'done' }).success).toBe(false);
    expect(actionViewSchema.safeParse({ ...toActionView(row), paramsHash: 'xyz' }).success).toBe(false);
  });

  it('describe every proposal result the gate can produce', () => {
    const decisions = [
      facts(),
      facts({ grant: { approvals: 1 } }),
      facts({ globalStop: true }),
      facts({ agent: { status: 'active', mode: 'draft_only', environment: 'production' } }),
    ].map(decideProposal);
    expect(new Set(decisions.map((d) => d.outcome))).toEqual(
      new Set(['approved', 'pending_review', 'blocked', 'draft']),
    );
    for (const { outcome, reasons } of decisions) {
      if (outcome === 'throttled') continue;
      const result: ProposalResult = { id: row.id, status: outcome, decision: { outcome, reasons } };
      expect(proposalResultSchema.parse(result)).toEqual(result);
    }
  });

  it('describe every error the agent API produces', () => {
    const zodError = proposeActionSchema.safeParse({ tool: '', params: [] }).error;
    const errors = [
      new WardenError('conflict', 'blocked at claim', { status: 'blocked', reasons: ['global stop is engaged'] }),
      new WardenError('rate_limited', 'Too many calls', { reasons: ['throttled: 120 calls in 60 s'] }),
      new WardenError('unauthenticated', 'Unknown key.'),
      zodError,
    ];
    for (const error of errors) {
      const { body } = toErrorPayload(error);
      expect(errorResponseSchema.parse(body)).toEqual(body);
    }
    expect(toErrorPayload(zodError).body.error.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'tool' })]),
    );
  });

  it('types the action view exactly as the code does', () => {
    expectTypeOf<ActionView>().toExtend<ActionViewResponse>();
  });
});
