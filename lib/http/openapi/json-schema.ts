import { z } from 'zod';
import {
  claimActionSchema,
  getActionQuerySchema,
  listAgentActionsSchema,
  proposeActionSchema,
  reportResultSchema,
} from '../../actions/schemas';

export type JsonSchema = { [key: string]: unknown };

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

/** One OpenAPI query parameter per property of a zod object schema (the route parses the query with it). */
export function queryParameters(schema: z.ZodObject) {
  const properties = (toJsonSchema(schema).properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema: property,
  }));
}
