import { ErrorCode, McpError, type CreateTaskResult } from '@modelcontextprotocol/sdk/types.js';
import type { Actor } from '../auth/actor';
import { settleMcpCall, startMcpCall, type McpToolCall } from './call-mcp-tool';
import { taskOfCall } from './mcp-task-store';

/**
 * A task-augmented `tools/call` (the client asked for a task): the same gate as a plain call, answered at once with
 * the task instead of holding the request. What the gate approved at once runs now (the task is then already
 * completed or failed); what awaits a person is a `working` task that `tasks/get` / `tasks/result` follow
 * (lib/mcp/mcp-task-store.ts), run by the background job once approved (lib/jobs/run-approved-mcp-tasks.ts). A refusal of the input itself is a JSON-RPC error: a task answer has no room for it.
 */
export async function startMcpTask(actor: Actor, call: Omit<McpToolCall, 'signal'>): Promise<CreateTaskResult> {
  const started = await startMcpCall(actor, call, true);
  if ('refused' in started) {
    const first = started.refused.content[0];
    throw new McpError(ErrorCode.InvalidParams, first?.type === 'text' ? first.text : 'Refused by Warden.');
  }
  if (started.proposed?.status === 'approved')
    await settleMcpCall(actor, started, { consoleOrigin: call.consoleOrigin, waitSeconds: 0 });
  return { task: await taskOfCall(actor, started.row.actionId, call.consoleOrigin) };
}
