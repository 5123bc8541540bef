// Proposing a tool call, reading it, claiming it and reporting its result: an action's life, seen by its agent.
import { getActionQuerySchema, listAgentActionsSchema } from '../../actions/schemas';
import { json, error, body, actionId, UNAUTHENTICATED, NOT_YOURS, INVALID, TOO_LARGE } from './building-blocks';
import { queryParameters } from './json-schema';
import { REQUEST_EXAMPLES } from './request-examples';

export function actionPaths() {
  return {
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
        summary: 'approved → executing, re-checking stop, pause and grant now. Run the tool only after this succeeds.',
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
  };
}
