import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { getAgentAction } from '../actions/get-agent-action';
import { paramsHash } from '../actions/params-hash';
import { proposeAction } from '../gate/propose-action';
import { assertCan, type Actor } from '../auth/actor';
import { db } from '../db/client';
import { env } from '../env';
import { isWardenError, WardenError } from '../errors';
import { executeApprovedMcpCall } from './execute-approved-mcp-call';
import { findResumableMcpCall } from './find-resumable-mcp-call';
import { MCP_META, type McpCallMeta } from './mcp-call-meta';
import { actionRef, awaitingReview, notRun, refusal } from './mcp-results';

export type McpToolCall = {
  name: string;
  args: Record<string, unknown>;
  meta: McpCallMeta;
  /** Where the console is, for the action's link. */
  consoleOrigin: string;
  signal?: AbortSignal;
};

/**
 * An MCP `tools/call` through the gate, exactly as `POST /api/v1/actions` would propose it (same decision, audit,
 * requester assertion): approved → Warden runs it upstream and returns the upstream's result; in review → held up to
 * the wait, then run or refused as decided, or answered "awaits review" (a retry with the same arguments resumes
 * that action); blocked, rejected, expired, draft → an `isError` result with the reasons. A tool the agent may not
 * use is refused by the gate and audited like any ungranted proposal. A refusal of the input itself (parameters
 * against the schema, rate limits) is an `isError` result too: a tool call's failures belong in its result.
 */
export async function callMcpTool(actor: Actor, call: McpToolCall): Promise<CallToolResult> {
  assertCan(actor, 'actions.propose');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent can call tools.');
  const maxWait = env().WARDEN_MCP_REVIEW_WAIT_SECONDS;
  const waitSeconds = Math.min(call.meta[MCP_META.wait] ?? maxWait, maxWait);

  const callHash = paramsHash(actor.id, call.name, call.args);
  let actionId = await findResumableMcpCall(callHash);
  if (!actionId) {
    try {
      actionId = await propose(actor, call, callHash);
    } catch (error) {
      if (isWardenError(error) && (error.code === 'invalid_input' || error.code === 'rate_limited'))
        return refusal(error.message);
      throw error;
    }
  }
  const view = await getAgentAction(actor, { actionId, waitSeconds, signal: call.signal });
  const ref = actionRef(view, call.consoleOrigin);
  const mcpCall = await db().mcpCall.findUniqueOrThrow({ where: { actionId } });
  const answered = async <T>(result: T) => {
    await db().mcpCall.updateMany({ where: { actionId, answeredAt: null }, data: { answeredAt: new Date() } });
    return result;
  };
  switch (view.status) {
    case 'pending_review':
      return awaitingReview(ref);
    case 'approved': {
      const { result, final } = await executeApprovedMcpCall(actor, view, mcpCall, ref);
      return final ? answered(result) : result;
    }
    case 'executing':
      return refusal(`Action ${view.id} is being run by another call right now. ${ref.url}`, ref);
    case 'succeeded':
    case 'failed':
      return answered(refusal(`Action ${view.id} already ran (${view.status}); its result is on ${ref.url}.`, ref));
    default:
      return answered(notRun(view, ref));
  }
}

async function propose(actor: Actor, call: McpToolCall, callHash: string): Promise<string> {
  const tool = await db().tool.findUnique({ where: { name: call.name }, select: { id: true } });
  const upstream = tool ? await db().mcpTool.findUnique({ where: { toolId: tool.id } }) : null;
  const proposal = await proposeAction(actor, {
    tool: call.name,
    params: call.args,
    reason: call.meta[MCP_META.reason],
    requester: call.meta[MCP_META.requester],
    requesterAssertion: call.meta[MCP_META.requesterAssertion],
    traceId: call.meta[MCP_META.traceId],
  });
  await db().mcpCall.create({
    data: {
      actionId: proposal.id,
      callHash,
      serverId: upstream?.serverId ?? null,
      upstreamName: upstream?.upstreamName ?? null,
    },
  });
  return proposal.id;
}
