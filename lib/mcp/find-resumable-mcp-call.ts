import { runOutsideTransaction } from '../db/sql-runner';
import { resumableMcpCallSql, type McpCallRow } from './mcp-call-sql';

/**
 * The agent's MCP call with these exact arguments (`callHash`: the params hash of the call as made, which binds the
 * agent and the tool) whose outcome it has not been given yet: a retry resumes it instead of proposing anew, so a
 * call still in review when answered returns its outcome once decided, edited or not.
 */
export async function findResumableMcpCall(callHash: string): Promise<McpCallRow | null> {
  const [row] = await runOutsideTransaction((runner) => runner.query<McpCallRow>(resumableMcpCallSql({ callHash })));
  return row ?? null;
}
