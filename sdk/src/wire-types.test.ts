import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ActionViewResponse,
  AuthorityResponse,
  ErrorResponse,
  ProposalResultResponse,
} from '../../lib/http/api-response-schemas';
import { actionViewSchema } from '../../lib/http/api-response-schemas';
import type { ActionStatus as ServerActionStatus } from '../../lib/policy/action-status';
import type { ActionStatus, ActionView, ApiErrorBody, Authority, ProposalResult } from './types.js';

// The SDK cannot depend on zod or the server, so its wire types are written by hand. These type assertions fail
// `tsc --noEmit` (run by `npm run typecheck` and `npm test`) when the server's response schemas and the SDK drift.
describe('the SDK wire types', () => {
  it('match the server response schemas', () => {
    expectTypeOf<ActionView>().toEqualTypeOf<ActionViewResponse>();
    expectTypeOf<ProposalResult>().toEqualTypeOf<ProposalResultResponse>();
    expectTypeOf<Authority>().toEqualTypeOf<AuthorityResponse>();
    expectTypeOf<ErrorResponse>().toExtend<ApiErrorBody>();
    expectTypeOf<ActionStatus>().toEqualTypeOf<ServerActionStatus>();
  });

  it('accept what the server schema accepts at run time too', () => {
    const view: ActionView = {
      id: 'a1',
      status: 'approved',
      tool: 't',
      params: { a: 2 },
      paramsVersion: 2,
      edited: true,
      originalParams: { a: 1 },
      reason: null,
      sources: [{ title: 'x' }],
      requester: null,
      requesterVerified: false,
      traceId: 'tr',
      paramsHash: '0'.repeat(64),
      approvalsRequired: 0,
      decision: { reasons: ['allowed: granted t without approval'], reason: null, decidedBy: null, decidedAt: null },
      result: null,
      downstreamRef: null,
      createdAt: '2026-11-25T12:00:00.000Z',
      updatedAt: '2026-11-25T12:00:00.000Z',
      rollbackOf: null,
    };
    expect(actionViewSchema.parse(view)).toEqual(view);
  });
});
