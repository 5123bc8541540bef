import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ActionView } from '../actions/action-view';
import { claimAction } from '../actions/claim-action';
import { reportActionResult } from '../actions/report-action-result';
import type { Actor } from '../auth/actor';
import { db } from '../db/client';
import { isWardenError } from '../errors';
import { refusal, upstreamResult, type ActionRef } from './mcp-results';
import { callUpstreamTool } from './upstream-client';

type Call = { actionId: string; serverId: string | null; upstreamName: string | null };

/**
 * An approved MCP call run by Warden itself, as an agent runs an approved action: claim (the stop, the pause, the
 * tool switch and the grant checked again, bound to the approved params hash), call the upstream with the version
 * to run (a reviewer's edit, if any), report the result. A claim refused here never reaches the upstream.
 */
export async function executeApprovedMcpCall(
  actor: Actor,
  view: ActionView,
  call: Call,
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
  let claimed: ActionView;
  try {
    claimed = await claimAction(actor, view.id, { paramsHash: view.paramsHash });
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
  const server = await db().mcpServer.findUniqueOrThrow({ where: { id: call.serverId } });
  await db().mcpCall.updateMany({ where: { actionId: view.id, calledAt: null }, data: { calledAt: new Date() } });
  const downstreamRef = `mcp:${server.name}/${call.upstreamName}`;
  let result: CallToolResult;
  try {
    result = await callUpstreamTool(server, call.upstreamName, claimed.params);
  } catch (error) {
    const message = `The upstream MCP server failed: ${error instanceof Error ? error.message : 'no answer'}`.slice(
      0,
      5000,
    );
    await reportActionResult(actor, view.id, { ok: false, error: message, downstreamRef });
    return { final: true, result: refusal(`${message}. Action ${view.id}: ${ref.url}`, { ...ref, status: 'failed' }) };
  }
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
