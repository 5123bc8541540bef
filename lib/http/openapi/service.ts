// The service itself, open to any caller: liveness, readiness and this document.
import { json } from './building-blocks';

export function servicePaths() {
  return {
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
  };
}
