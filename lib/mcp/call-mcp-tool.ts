import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { getAgentAction } from '../actions/get-agent-action';
import { paramsHash } from '../actions/params-hash';
import { proposeAction } from '../gate/propose-action';
import { observeProposal } from '../metrics/record-proposal-outcome';
import { assertCan, type Actor } from '../auth/actor';
import { commitWrites, runOutsideTransaction } from '../db/sql-runner';
import { env } from '../env';
import { isWardenError, WardenError } from '../errors';
import { executeApprovedMcpCall } from './execute-approved-mcp-call';
import { findResumableMcpCall } from './find-resumable-mcp-call';
import { MCP_META, type McpCallMeta } from './mcp-call-meta';
import { insertMcpCallSql, mcpCallAnsweredSql, mcpCallAsTaskSql, mcpRouteSql, type McpCallRow } from './mcp-call-sql';
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
  const maxWait = env().WARDEN_MCP_REVIEW_WAIT_SECONDS;
  const started = await startMcpCall(actor, call);
  if ('refused' in started) return started.refused;
  const waitSeconds = Math.min(call.meta[MCP_META.wait] ?? maxWait, maxWait);
  return (
    (await settleMcpCall(actor, started, { consoleOrigin: call.consoleOrigin, waitSeconds, signal: call.signal })) ??
    awaitingReview(actionRef({ id: started.row.actionId, status: 'pending_review', edited: false }, call.consoleOrigin))
  );
}

/** A call under way: its McpCall row, and the gate's outcome when it was proposed just now. */
export type StartedMcpCall = { row: McpCallRow; proposed: { status: string; tool: string } | null };

/**
 * Proposes the call, or finds the unanswered one with the same arguments to resume. A refusal of the input itself
 * comes back as a result.
 */
export async function startMcpCall(
  actor: Actor,
  call: Pick<McpToolCall, 'name' | 'args' | 'meta'>,
  asTask = false,
): Promise<StartedMcpCall | { refused: CallToolResult }> {
  assertCan(actor, 'actions.propose');
  if (actor.type !== 'agent') throw new WardenError('forbidden', 'Only an agent can call tools.');
  const callHash = paramsHash(actor.id, call.name, call.args);
  const open = await findResumableMcpCall(callHash);
  if (open) {
    if (asTask) await commitWrites([mcpCallAsTaskSql({ actionId: open.actionId, asTask: true })]);
    return { row: open, proposed: null };
  }
  try {
    const [proposal, [route]] = await Promise.all([
      // Counted in the metrics as the agent API's proposals are (lib/metrics): same outcomes, tool and agent labels.
      observeProposal(actor, call.name, () =>
        proposeAction(actor, {
          tool: call.name,
          params: call.args,
          reason: call.meta[MCP_META.reason],
          requester: call.meta[MCP_META.requester],
          requesterAssertion: call.meta[MCP_META.requesterAssertion],
          traceId: call.meta[MCP_META.traceId],
        }),
      ),
      runOutsideTransaction((runner) =>
        runner.query<{ serverId: string; upstreamName: string }>(mcpRouteSql({ toolName: call.name })),
      ),
    ]);
    const row = { actionId: proposal.id, serverId: route?.serverId ?? null, upstreamName: route?.upstreamName ?? null };
    await commitWrites([insertMcpCallSql({ ...row, callHash, asTask, now: new Date() })]);
    return { row, proposed: { status: proposal.status, tool: call.name } };
  } catch (error) {
    if (isWardenError(error) && (error.code === 'invalid_input' || error.code === 'rate_limited'))
      return { refused: refusal(error.message) };
    throw error;
  }
}

/**
 * The outcome of a call under way, after holding up to `waitSeconds` for a review: run upstream once approved, or
 * why it will not run; `null` while it still awaits review. An outcome given is recorded (`answeredAt`), so a later
 * call with the same arguments is a new proposal.
 */
export async function settleMcpCall(
  actor: Actor,
  started: StartedMcpCall,
  options: { consoleOrigin: string; waitSeconds: number; signal?: AbortSignal },
): Promise<CallToolResult | null> {
  const { row, proposed } = started;
  // Approved by the gate just now: nothing to wait for or read back before the claim (which reads it anyway, and
  // binds to the parameters approved: no one can have edited them since).
  const view =
    proposed?.status === 'approved'
      ? { id: row.actionId, status: 'approved' as const, edited: false, tool: proposed.tool, paramsHash: undefined }
      : await getAgentAction(actor, {
          actionId: row.actionId,
          waitSeconds: options.waitSeconds,
          signal: options.signal,
        });
  const ref = actionRef(view, options.consoleOrigin);
  const answered = async (result: CallToolResult) => {
    await commitWrites([mcpCallAnsweredSql({ actionId: row.actionId, now: new Date() })]);
    return result;
  };
  switch (view.status) {
    case 'pending_review':
      return null;
    case 'approved': {
      const { result, final } = await executeApprovedMcpCall(actor, view, row, ref);
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
