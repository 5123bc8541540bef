// The agent's own authority: what it may call, and its state.
import { json, UNAUTHENTICATED } from './building-blocks';

export function agentPaths() {
  return {
    '/api/v1/agent': {
      get: {
        operationId: 'getAuthority',
        summary: "The agent's authority: its state and every granted tool with its parameter schema.",
        responses: { '200': { description: 'The authority.', content: json('Authority') }, '401': UNAUTHENTICATED },
      },
    },
  };
}
