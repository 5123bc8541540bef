import type { Actor } from '../auth/actor';
import { getAgentAction } from '../actions/get-agent-action';
import { runOutsideTransaction } from '../db/sql-runner';
import { executeApprovedMcpCall } from '../mcp/execute-approved-mcp-call';
import { approvedMcpTasksSql } from '../mcp/mcp-call-sql';
import { actionRef } from '../mcp/mcp-results';
import type { JobStep } from './job-step';

type ApprovedTask = {
  actionId: string;
  serverId: string | null;
  upstreamName: string | null;
  agentId: string;
  agentName: string;
};

/**
 * Runs the MCP calls an agent asked for as tasks once a reviewer approved them: the agent holds no request open for
 * them, and tasks/get and tasks/result only read. Each goes as an approved call does when its agent's request is
 * held (lib/mcp/execute-approved-mcp-call.ts): the claim re-checks the stop, the pause, the tool and the grant, bound to
 * the approved parameters, and is a compare-and-set, so two instances running this step at once run a call once.
 * On the agent's behalf (it asked for the task): the claim and the result are audited as the agent's, as when the
 * agent's own request is held. An agent with no working key left is passed by (approvedMcpTasksSql).
 * Returns how many it ran (claimed or refused at the claim).
 */
export async function runApprovedMcpTasks(limit = 20): Promise<number> {
  const tasks = await runOutsideTransaction((runner) =>
    runner.query<ApprovedTask>(approvedMcpTasksSql({ now: new Date(), limit, asTask: true })),
  );
  for (const task of tasks) {
    const actor: Actor = { type: 'agent', id: task.agentId, name: task.agentName, keyId: 'mcp-task' };
    const view = await getAgentAction(actor, { actionId: task.actionId });
    if (view.status !== 'approved') continue; // moved since the read (another instance, a stop's block)
    // The link goes nowhere: the result is recorded on the action, and tasks/result builds its answer from that.
    await executeApprovedMcpCall(actor, view, task, actionRef(view, ''));
  }
  return tasks.length;
}

export const runApprovedMcpTasksStep: JobStep = {
  name: 'approved MCP tasks',
  run: () => runApprovedMcpTasks(),
};
