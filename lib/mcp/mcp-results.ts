import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { ActionView } from '../actions/action-view';
import { MCP_META } from './mcp-call-meta';

/**
 * The `tools/call` results Warden itself writes (everything but an upstream's own result). Each names the action
 * and its console link in `_meta`, and says in its text what happened and why, for the model reading it.
 */
export type ActionRef = { id: string; status: string; url: string; edited?: boolean };

export function actionRef(view: Pick<ActionView, 'id' | 'status' | 'edited'>, consoleOrigin: string): ActionRef {
  return { id: view.id, status: view.status, url: `${consoleOrigin}/actions/${view.id}`, edited: view.edited };
}

export function refusal(text: string, ref?: ActionRef): CallToolResult {
  return { isError: true, content: [{ type: 'text', text }], ...(ref && { _meta: { [MCP_META.action]: ref } }) };
}

export function awaitingReview(ref: ActionRef): CallToolResult {
  return refusal(
    `Not run yet: this call awaits human review (action ${ref.id}, ${ref.url}). ` +
      'Call the tool again with the same arguments to get the outcome once a reviewer has decided.',
    ref,
  );
}

/** Why the action will not run, in the words the gate, the reviewer or the claim gave. */
export function notRun(view: ActionView, ref: ActionRef): CallToolResult {
  const reasons = [...view.decision.reasons, ...(view.decision.reason ? [view.decision.reason] : [])];
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  const lead: Record<string, string> = {
    blocked: 'Refused by Warden',
    rejected: 'Rejected by a reviewer',
    expired: 'Expired without a decision',
    draft: 'Recorded as a draft for a person to review; not run',
  };
  return refusal(`${lead[view.status] ?? `Not run (${view.status})`}${why}. Action ${ref.id}: ${ref.url}`, ref);
}

/** The upstream's result as the agent gets it, with the action named and, after an edit, the edit said first. */
export function upstreamResult(result: CallToolResult, view: ActionView, ref: ActionRef): CallToolResult {
  const note = view.edited
    ? [
        {
          type: 'text' as const,
          text: `A reviewer edited the parameters before approving; Warden ran the edited version: ${JSON.stringify(view.params)}`,
        },
      ]
    : [];
  return { ...result, content: [...note, ...result.content], _meta: { ...result._meta, [MCP_META.action]: ref } };
}
