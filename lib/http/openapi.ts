import { claimActionSchema, proposeActionSchema, reportResultSchema } from '../actions/schemas';
import {
  actionViewSchema,
  agentActionListSchema,
  authoritySchema,
  errorResponseSchema,
  healthSchema,
  readinessSchema,
  proposalResultSchema,
} from './api-response-schemas';
import { actionPaths } from './openapi/actions';
import { agentPaths } from './openapi/agent';
import { toJsonSchema, type JsonSchema } from './openapi/json-schema';
import { rollbackPaths } from './openapi/rollbacks';
import { servicePaths } from './openapi/service';

/**
 * The agent API as an OpenAPI 3.1 document. Request bodies are generated from the very zod schemas the routes parse
 * with, so the document cannot drift from validation; responses come from lib/http/api-response-schemas.ts, which a
 * test holds to what the code returns. Client-safe: no server imports, so the console page can render it too.
 * The paths of each resource are in lib/http/openapi/; this file assembles them with the schemas they refer to.
 */
export type { JsonSchema } from './openapi/json-schema';
export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
export { REQUEST_EXAMPLES } from './openapi/request-examples';

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
    paths: { ...agentPaths(), ...actionPaths(), ...rollbackPaths(), ...servicePaths() },
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
