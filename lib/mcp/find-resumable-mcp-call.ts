import { db } from '../db/client';

/**
 * The agent's MCP call with these exact arguments (`callHash`: the params hash of the call as made, which binds the
 * agent and the tool) whose outcome it has not been given yet: a retry resumes it instead of proposing anew, so a
 * call still in review when answered returns its outcome once decided, edited or not.
 */
export async function findResumableMcpCall(callHash: string): Promise<string | null> {
  const open = await db().mcpCall.findFirst({
    where: { callHash, answeredAt: null },
    orderBy: { createdAt: 'desc' },
    select: { actionId: true },
  });
  return open?.actionId ?? null;
}
