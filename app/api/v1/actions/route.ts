import { listAgentActions } from '@/lib/actions/list-agent-actions';
import { prefetchGateInputs } from '@/lib/gate/prefetch-gate-inputs';
import { proposeAction } from '@/lib/gate/propose-action';
import { listAgentActionsSchema, proposeActionSchema } from '@/lib/actions/schemas';
import { agentRoute, readJson } from '@/lib/http/agent-route';
import { withIdempotency } from '@/lib/http/idempotency';
import { observeProposal } from '@/lib/metrics/record-proposal-outcome';
import { listRollbackActions } from '@/lib/rollback/list-rollback-actions';
import { listRollbacksQuerySchema } from '@/lib/rollback/schemas';
import { z } from 'zod';

const kindSchema = z.object({
  kind: z.enum(['rollback'], { error: 'kind must be rollback (or left out)' }).optional(),
});

export const dynamic = 'force-dynamic';

// While the key is looked up: the body is read and checked, and the gate's reads go out with the key lookup.
async function readProposal(request: Request, keyHash: string) {
  const body = await readJson(request);
  const input = proposeActionSchema.parse(body);
  return { body, input, gateInputs: prefetchGateInputs(keyHash, input.tool) };
}

// A body refused before the gate runs (limits, shape) claims no Idempotency-Key: nothing started, nothing is kept.
// A replay is not a new proposal: only the gate's own runs are counted and timed (lib/metrics/).
export const POST = agentRoute(
  async ({ actor, request, early: { body, input, gateInputs } }) =>
    withIdempotency(actor.id, request.headers.get('idempotency-key'), body, async () => ({
      status: 201,
      body: await observeProposal(actor, input.tool, () => proposeAction(actor, input, gateInputs)),
    })),
  readProposal,
);

// ?status= one of the statuses (required), ?after= the previous page's nextCursor, ?limit= 1–100.
// ?kind=rollback: the agent's rollback actions instead (as GET /api/v1/rollbacks), e.g. the approved ones to run now.
export const GET = agentRoute(async ({ actor, request }) => {
  const query = new URL(request.url).searchParams;
  const { kind } = kindSchema.parse({ kind: query.get('kind') ?? undefined });
  if (kind === 'rollback')
    return {
      body: await listRollbackActions(
        actor,
        listRollbacksQuerySchema.parse({ status: query.get('status') ?? undefined }),
      ),
    };
  const input = listAgentActionsSchema.parse({
    status: query.get('status') ?? undefined,
    after: query.get('after') ?? undefined,
    limit: query.get('limit') ?? undefined,
  });
  return { body: await listAgentActions(actor, input) };
});
