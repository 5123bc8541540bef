// The agent's rollback actions: the compensations Warden proposed to undo an earlier action.
import { listRollbacksQuerySchema } from '../../rollback/schemas';
import { json, UNAUTHENTICATED, INVALID } from './building-blocks';
import { queryParameters } from './json-schema';

export function rollbackPaths() {
  return {
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
  };
}
