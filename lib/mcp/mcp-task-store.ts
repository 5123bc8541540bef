import type { TaskStore } from '@modelcontextprotocol/sdk/experimental/tasks';
import { ErrorCode, McpError, type CallToolResult, type Result, type Task } from '@modelcontextprotocol/sdk/types.js';
import type { ActionView } from '../actions/action-view';
import { getAgentAction } from '../actions/get-agent-action';
import type { Actor } from '../auth/actor';
import { commitWrites, runOutsideTransaction } from '../db/sql-runner';
import { isWardenError } from '../errors';
import { mcpCallAnsweredSql, mcpCallOfActionSql, type McpCallRow } from './mcp-call-sql';
import { MCP_META } from './mcp-call-meta';
import { actionRef, notRun, type ActionRef } from './mcp-results';

/** How often a client should ask again while a person decides (the SDK's tasks/result waits this long too). */
export const TASK_POLL_MS = 2000;

/**
 * MCP tasks (protocol 2025-11-25, the SDK's experimental TaskStore) over Warden's own records: a task is an MCP call
 * the agent asked to run as a task, its id the action's id, its state the action's. Nothing is stored beside the
 * action: Warden serves MCP statelessly, so any instance answers `tasks/get` and `tasks/result` from the database.
 *
 * - pending review → `working`, the status message naming the action and its console link;
 * - approved → `working`: Warden's background job runs it (lib/jobs/run-approved-mcp-tasks.ts: claim with the stop
 *   re-checked, upstream, result recorded), since no request of the agent's is held open for it;
 * - executing → `working`; succeeded → `completed` (the upstream's result); failed, blocked, rejected, expired,
 *   draft → `failed` with the reasons (its result an `isError` tool result saying why).
 *
 * `tasks/get` and `tasks/result` only read (tasks/result records that the outcome was given, as a plain call's answer
 * does). Scoped to one agent (the key that authenticated the request): another agent's action is "not found". Tasks are
 * created by the tools/call handler through the gate, never through `createTask`; the agent cannot cancel one (a
 * reviewer decides) and tasks are not listed: those methods refuse.
 */
export function mcpTaskStore(actor: Actor, consoleOrigin: string): TaskStore {
  return {
    createTask: () => Promise.reject(notHere('A task is created by a tools/call through the gate.')),
    storeTaskResult: () => Promise.reject(notHere('A task’s result is its action’s result.')),
    updateTaskStatus: () =>
      Promise.reject(notHere('A call through Warden cannot be cancelled by the agent: a reviewer decides it.')),
    listTasks: () => Promise.reject(notHere('Warden does not list tasks.')),
    async getTask(taskId) {
      const found = await readTask(actor, taskId, consoleOrigin);
      return found?.task ?? null;
    },
    async getTaskResult(taskId): Promise<Result> {
      const found = await readTask(actor, taskId, consoleOrigin);
      if (!found) throw new McpError(ErrorCode.InvalidParams, `Task not found: ${taskId}`);
      if (!found.result) throw new McpError(ErrorCode.InvalidRequest, `Task ${taskId} has no result yet.`);
      // The outcome is given: a later call with the same arguments is a new proposal, as after a plain call.
      await commitWrites([mcpCallAnsweredSql({ actionId: taskId, now: new Date() })]);
      return found.result;
    },
  };
}

/** The task a tools/call just started, as the call's answer (CreateTaskResult) carries it. */
export async function taskOfCall(actor: Actor, actionId: string, consoleOrigin: string): Promise<Task> {
  const found = await readTask(actor, actionId, consoleOrigin);
  if (!found) throw new Error(`the action ${actionId} of a task just created is missing`);
  return found.task;
}

async function readTask(
  actor: Actor,
  taskId: string,
  consoleOrigin: string,
): Promise<{ task: Task; result: CallToolResult | null } | null> {
  const [call] = await runOutsideTransaction((runner) =>
    runner.query<McpCallRow>(mcpCallOfActionSql({ actionId: taskId })),
  );
  if (!call) return null;
  let view: ActionView;
  try {
    view = await getAgentAction(actor, { actionId: taskId });
  } catch (error) {
    if (isWardenError(error) && error.code === 'not_found') return null; // another agent's action, or none
    throw error;
  }
  return taskOf(view, actionRef(view, consoleOrigin));
}

function taskOf(view: ActionView, ref: ActionRef): { task: Task; result: CallToolResult | null } {
  const base = {
    taskId: view.id,
    createdAt: view.createdAt,
    lastUpdatedAt: view.updatedAt,
    ttl: null, // kept as long as the action is: forever
    pollInterval: TASK_POLL_MS,
  };
  switch (view.status) {
    case 'pending_review':
      return {
        task: { ...base, status: 'working', statusMessage: `Awaits human review: action ${view.id}, ${ref.url}` },
        result: null,
      };
    case 'approved':
      return {
        task: { ...base, status: 'working', statusMessage: `Approved; Warden runs it now (${ref.url})` },
        result: null,
      };
    case 'executing':
      return {
        task: { ...base, status: 'working', statusMessage: `Being run upstream (action ${view.id}, ${ref.url})` },
        result: null,
      };
    case 'succeeded':
      return { task: { ...base, status: 'completed' }, result: storedResult(view, ref) };
    case 'failed': {
      const result = storedResult(view, ref);
      return { task: { ...base, status: 'failed', statusMessage: firstText(result) }, result };
    }
    default: {
      const result = notRun(view, ref);
      return { task: { ...base, status: 'failed', statusMessage: firstText(result) }, result };
    }
  }
}

type StoredResult = {
  output?: { content?: CallToolResult['content']; structuredContent?: Record<string, unknown> | null };
  error?: string;
};

/** The upstream's result as recorded when Warden ran the call, with the action named (and an edit said first). */
function storedResult(view: ActionView, ref: ActionRef): CallToolResult {
  const stored = (view.result ?? {}) as StoredResult;
  const failed = view.status === 'failed';
  const content = stored.output?.content ?? [
    { type: 'text' as const, text: stored.error ?? `The call ${failed ? 'failed' : 'ran'}.` },
  ];
  const note = view.edited
    ? [
        {
          type: 'text' as const,
          text: `A reviewer edited the parameters before approving; Warden ran the edited version: ${JSON.stringify(view.params)}`,
        },
      ]
    : [];
  return {
    content: [...note, ...content],
    ...(stored.output?.structuredContent && { structuredContent: stored.output.structuredContent }),
    ...(failed && { isError: true }),
    _meta: { [MCP_META.action]: { ...ref, edited: view.edited } },
  };
}

function firstText(result: CallToolResult): string {
  const first = result.content.find((item) => item.type === 'text');
  return first?.type === 'text' ? first.text.slice(0, 1000) : '';
}

function notHere(message: string): McpError {
  return new McpError(ErrorCode.InvalidRequest, message);
}
