import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ActionView } from '../actions/action-view';
import { claimAction } from '../actions/claim-action';
import { reportActionResult } from '../actions/report-action-result';
import type { Actor } from '../auth/actor';
import { commitWrites, runOutsideTransaction } from '../db/sql-runner';
import { isWardenError } from '../errors';
import { mcpCallCalledSql, mcpServerSql, type McpCallRow } from './mcp-call-sql';
import { refusal, upstreamResult, type ActionRef } from './mcp-results';
import { callUpstreamTool } from './upstream-client';

/** The approved action: `paramsHash` is the version a review approved, to bind the claim to (none: the gate's). */
type Approved = { id: string; tool: string; paramsHash?: string };

/**
 * An approved MCP call run by Warden itself, as an agent runs an approved action: claim (the stop, the pause, the
 * tool switch and the grant checked again, bound to the approved params hash), call the upstream with the version
 * to run (a reviewer's edit, if any), report the result. A claim refused here never reaches the upstream.
 */
export async function executeApprovedMcpCall(
  actor: Actor,
  view: Approved,
  call: McpCallRow,
  ref: ActionRef,
): Promise<{ result: CallToolResult; final: boolean }> {
  if (!call.serverId || !call.upstreamName)
    return {
      final: true,
      result: refusal(
        `Approved, but ${view.tool} is not served by an upstream MCP server: run it through Warden's agent API ` +
          `(claim action ${view.id}, then report its result).`,
        ref,
      ),
    };
  const serverId = call.serverId;
  let claimed: ActionView;
  let server: { name: string; url: string; credentials: string | null } | undefined;
  try {
    [claimed, [server]] = await Promise.all([
      claimAction(actor, view.id, view.paramsHash ? { paramsHash: view.paramsHash } : {}),
      runOutsideTransaction((runner) =>
        runner.query<{ name: string; url: string; credentials: string | null }>(mcpServerSql({ id: serverId })),
      ),
    ]);
  } catch (error) {
    if (!isWardenError(error) || error.code !== 'conflict') throw error;
    const blocked = error.details.status === 'blocked';
    return {
      final: blocked,
      result: refusal(`${error.message} Action ${view.id}: ${ref.url}`, {
        ...ref,
        status: String(error.details.status),
      }),
    };
  }
  const downstreamRef = `mcp:${server?.name ?? serverId}/${call.upstreamName}`;
  // When Warden sent it upstream: written beside the call rather than before it (the action is `executing` already,
  // which says as much); informational, so its failure does not turn the upstream's answer into a failure.
  const calledAt = commitWrites([mcpCallCalledSql({ actionId: view.id, now: new Date() })]).catch((error: unknown) =>
    console.error('[warden] MCP call: calledAt not recorded', error),
  );
  let result: CallToolResult;
  try {
    if (!server) throw new Error('the upstream MCP server is no longer registered');
    result = await callUpstreamTool(server, call.upstreamName, claimed.params);
  } catch (error) {
    const message = `The upstream MCP server failed: ${error instanceof Error ? error.message : 'no answer'}`.slice(
      0,
      5000,
    );
    await calledAt;
    await reportActionResult(actor, view.id, { ok: false, error: message, downstreamRef });
    return { final: true, result: refusal(`${message}. Action ${view.id}: ${ref.url}`, { ...ref, status: 'failed' }) };
  }
  await calledAt;
  const output = { content: result.content, structuredContent: result.structuredContent ?? null };
  const failed = result.isError === true;
  const reported = await reportActionResult(actor, view.id, {
    ok: !failed,
    output,
    ...(failed && { error: upstreamText(result) || 'the upstream tool reported an error' }),
    downstreamRef,
  });
  return {
    final: true,
    result: upstreamResult(result, claimed, { ...ref, status: reported.status, edited: claimed.edited }),
  };
}

function upstreamText(result: CallToolResult): string {
  return result.content
    .flatMap((item) => (item.type === 'text' ? [item.text] : []))
    .join('\n')
    .slice(0, 5000);
}
