import { z } from 'zod';
import {
  claimActionSchema,
  getActionQuerySchema,
  listAgentActionsSchema,
  proposeActionSchema,
  reportResultSchema,
} from '../actions/schemas';
import { listRollbacksQuerySchema } from '../rollback/schemas';
import {
  actionViewSchema,
  agentActionListSchema,
  authoritySchema,
  errorResponseSchema,
  healthSchema,
  readinessSchema,
  proposalResultSchema,
} from './api-response-schemas';

/**
 * The agent API as an OpenAPI 3.1 document. Request bodies are generated from the very zod schemas the routes parse
 * with, so the document cannot drift from validation; responses come from lib/http/api-response-schemas.ts, which a
 * test holds to what the code returns. Client-safe: no server imports, so the console page can render it too.
 */
export type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

/** Field descriptions for the request schemas, which live in a client-safe file we keep free of documentation. */
const REQUEST_DOCS = new Map<unknown, string>([
  [proposeActionSchema.shape.tool, 'The granted tool to call, as listed by GET /api/v1/agent.'],
  [
    proposeActionSchema.shape.params,
    "The call's parameters; validated against the tool's JSON Schema (422 on mismatch).",
  ],
  [proposeActionSchema.shape.reason, 'Why the agent wants to do this; shown to the reviewer. Some grants require it.'],
  [proposeActionSchema.shape.sources, 'What the agent relied on (tickets, documents), shown to the reviewer.'],
  [proposeActionSchema.shape.requester, 'The person the agent acts for, as the agent states it (unverified).'],
  [
    proposeActionSchema.shape.requesterAssertion,
    "A JWT from the agent's backend naming the end user; verified with the agent's requester key.",
  ],
  [proposeActionSchema.shape.traceId, 'Groups the calls of one task (per-trace limits); generated when omitted.'],
  [
    proposeActionSchema.shape.currentValues,
    "For a record update: the record's current values, shown to the reviewer as a before/after diff.",
  ],
  [
    claimActionSchema.shape.paramsHash,
    'The paramsHash the action view reports; the claim fails if the approved params differ.',
  ],
  [reportResultSchema.shape.ok, 'Whether the tool call succeeded.'],
  [reportResultSchema.shape.output, "The tool's output, any JSON."],
  [reportResultSchema.shape.error, 'Required when ok is false: what went wrong.'],
  [reportResultSchema.shape.downstreamRef, "The downstream system's id for what was done (refund id, message id…)."],
  [getActionQuerySchema.shape.wait, 'Seconds (0–60) to hold the request while the action is pending review.'],
  [listAgentActionsSchema.shape.status, 'Required: the status to list (e.g. draft for drafts and their fate).'],
  [listAgentActionsSchema.shape.after, 'The nextCursor of the previous page.'],
  [listAgentActionsSchema.shape.limit, 'Actions per page, 1–100 (default 50).'],
]);

/**
 * Always `io: 'input'` (what a sender may send), for responses too: it leaves objects open (no additionalProperties: false), so clients that validate
 * responses keep working when a field is added. The test checks the code adds none without documenting it.
 */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-2020-12',
    // The only non-JSON part is reportResult's refine (a failed result needs an error): documented in the description.
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const description = REQUEST_DOCS.get(zodSchema);
      if (description && !jsonSchema.description) jsonSchema.description = description;
    },
  });
  return json;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, example?: unknown) => ({
  'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) },
});
const error = (description: string) => ({ description, content: json('Error') });
const body = (name: string, example: unknown, required = true) => ({ required, content: json(name, example) });
const actionId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The action id from the proposal.',
};

const UNAUTHENTICATED = error('Missing, unknown, expired or revoked agent key.');
const NOT_YOURS = error("No such action for this agent (another agent's action looks the same).");
const INVALID = error(
  'Invalid input; `error.issues` names each field. Refused before parsing: invalid UTF-8, nesting deeper than 32 levels, a key twice in one object, the keys __proto__/constructor/prototype, U+0000, lone surrogates, numbers beyond ±1e308 or integers beyond ±2^53, more than 1,000 keys in an object, 10,000 items in an array or 100,000 characters in a string.',
);
const TOO_LARGE = error(
  'The body is over the limit (256 KiB by default; `error.limitBytes` says how many bytes). Nothing was recorded.',
);

/** Request examples; the test parses each with the schema that validates the route, so they stay valid. */
export const REQUEST_EXAMPLES = {
  ProposeActionRequest: {
    tool: 'refund.issue',
    params: { orderId: 'ORD-1', amount: 12.5, currency: 'EUR' },
    reason: 'Duplicate charge',
    sources: [{ title: 'Ticket #1', url: 'https://support.example.com/1' }],
  },
  ClaimActionRequest: { paramsHash: '9f2c4e0b7a6d5c3b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b' },
  ReportResultRequest: { ok: true, output: { refundId: 're_123' }, downstreamRef: 're_123' },
} as const;

export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Warden agent API',
      version: '1',
      description:
        'Agents propose each tool call; Warden approves it, queues it for a human, turns it into a draft or blocks it. The agent runs only what it claimed, then reports the result.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ agentKey: [] }],
    paths: {
      '/api/v1/agent': {
        get: {
          operationId: 'getAuthority',
          summary: "The agent's authority: its state and every granted tool with its parameter schema.",
          responses: { '200': { description: 'The authority.', content: json('Authority') }, '401': UNAUTHENTICATED },
        },
      },
      '/api/v1/actions': {
        get: {
          operationId: 'listActions',
          summary:
            "The agent's own actions of one status, newest first, a page at a time (e.g. ?status=draft: its drafts and their fate).",
          parameters: queryParameters(listAgentActionsSchema).map((parameter) =>
            parameter.name === 'status' ? { ...parameter, required: true } : parameter,
          ),
          responses: {
            '200': { description: 'One page.', content: json('AgentActionList') },
            '401': UNAUTHENTICATED,
            '422': INVALID,
          },
        },
        post: {
          operationId: 'proposeAction',
          summary: 'Propose a tool call; the gate decides at once.',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
              description:
                'Same key and body replay the first response (with Idempotent-Replayed: true); same key, other body → 422; still running → 409.',
            },
          ],
          requestBody: body('ProposeActionRequest', REQUEST_EXAMPLES.ProposeActionRequest),
          responses: {
            '201': {
              description: 'Recorded with its decision.',
              content: json('ProposalResult'),
              headers: {
                'Idempotent-Replayed': {
                  description: 'true when this is a stored response replayed.',
                  schema: { type: 'string', enum: ['true'] },
                },
              },
            },
            '401': UNAUTHENTICATED,
            '409': error(
              'A request with this Idempotency-Key is still being processed, or never recorded its outcome (then the key stays refused: use a new one once you know whether it took effect).',
            ),
            '413': TOO_LARGE,
            '422': error(
              "Invalid body (see the other operations' 422), params not matching the tool's schema, or an Idempotency-Key reused with another body.",
            ),
            '429': {
              ...error(
                'Throttled by the grant (rate, per-trace or pending-queue limits; every agent has a pending cap, 1,000 unless its grant sets another); nothing was recorded.',
              ),
              headers: { 'Retry-After': { schema: { type: 'string' } } },
            },
          },
        },
      },
      '/api/v1/actions/{id}': {
        get: {
          operationId: 'getAction',
          summary: 'Read an action; with wait, hold until it leaves pending_review.',
          parameters: [actionId, ...queryParameters(getActionQuerySchema)],
          responses: {
            '200': { description: 'The action.', content: json('ActionView') },
            '401': UNAUTHENTICATED,
            '404': NOT_YOURS,
            '422': INVALID,
          },
        },
      },
      '/api/v1/actions/{id}/claim': {
        post: {
          operationId: 'claimAction',
          summary:
            'approved → executing, re-checking stop, pause and grant now. Run the tool only after this succeeds.',
          parameters: [actionId],
          requestBody: body('ClaimActionRequest', REQUEST_EXAMPLES.ClaimActionRequest, false),
          responses: {
            '200': { description: 'Claimed: the action is executing.', content: json('ActionView') },
            '401': UNAUTHENTICATED,
            '404': NOT_YOURS,
            '409': error(
              'Not claimable: `error.status` says why (pending_review, rejected, blocked with `reasons`, already executing…), or the params changed.',
            ),
            '413': TOO_LARGE,
            '422': INVALID,
          },
        },
      },
      '/api/v1/actions/{id}/result': {
        post: {
          operationId: 'reportResult',
          summary: 'executing → succeeded / failed. The outcome is final.',
          parameters: [actionId],
          requestBody: body('ReportResultRequest', REQUEST_EXAMPLES.ReportResultRequest),
          responses: {
            '200': { description: 'Recorded.', content: json('ActionView') },
            '401': UNAUTHENTICATED,
            '404': NOT_YOURS,
            '409': error('The action is not executing.'),
            '413': TOO_LARGE,
            '422': INVALID,
          },
        },
      },
      '/api/v1/rollbacks': {
        get: {
          operationId: 'listRollbacks',
          summary:
            "The agent's rollback actions (compensations Warden proposed to undo an earlier action), oldest first; with status=approved, those to claim and run now.",
          parameters: queryParameters(listRollbacksQuerySchema),
          responses: {
            '200': { description: 'Up to 100 actions, each with rollbackOf.', content: json('ActionList') },
            '401': UNAUTHENTICATED,
            '422': INVALID,
          },
        },
      },
      '/api/v1/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness; touches no database.',
          security: [],
          responses: { '200': { description: 'Up.', content: json('Health') } },
        },
      },
      '/api/v1/ready': {
        get: {
          operationId: 'ready',
          summary: 'Readiness: the database answers and every migration this build ships is applied.',
          security: [],
          responses: {
            '200': { description: 'Ready: `{ "status": "ready" }`.', content: json('Readiness') },
            '503': { description: 'Not ready, with the reason.', content: json('Readiness') },
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          security: [],
          responses: {
            '200': { description: 'OpenAPI 3.1.', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        agentKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'wdn_… agent key',
          description: 'Made in the console or with `npm run warden -- key create --agent NAME`.',
        },
      },
      schemas: {
        ProposeActionRequest: toJsonSchema(proposeActionSchema),
        ClaimActionRequest: toJsonSchema(claimActionSchema),
        ReportResultRequest: {
          ...toJsonSchema(reportResultSchema),
          description: 'A failed result (ok: false) must carry error.',
        },
        ProposalResult: toJsonSchema(proposalResultSchema),
        ActionView: toJsonSchema(actionViewSchema),
        ActionList: {
          type: 'object',
          properties: { actions: { type: 'array', items: { $ref: '#/components/schemas/ActionView' } } },
          required: ['actions'],
        },
        Authority: toJsonSchema(authoritySchema),
        AgentActionList: toJsonSchema(agentActionListSchema),
        Error: toJsonSchema(errorResponseSchema),
        Health: toJsonSchema(healthSchema),
        Readiness: toJsonSchema(readinessSchema),
      },
    },
  };
}

/** One OpenAPI query parameter per property of a zod object schema (the route parses the query with it). */
function queryParameters(schema: z.ZodObject) {
  const properties = (toJsonSchema(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: property,
  }));
}

let cached: OpenApiDocument | undefined;

/** The document never changes while the process runs. */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}

/** Follows a local `#/components/schemas/…` reference; anything else is returned as is. */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  const target = typeof schema.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : null;
  const resolved = target ? (document.components.schemas as Record<string, JsonSchema | undefined>)[target] : undefined;
  return resolved ?? schema;
}
