import { createHash } from 'node:crypto';
import { canonicalJson } from '../policy/canonical-json';

/** The identity of a call: agent, tool and canonical parameters. Approvals are bound to it. */
export function paramsHash(agentId: string, tool: string, params: unknown): string {
  return createHash('sha256')
    .update(canonicalJson([agentId, tool, params]))
    .digest('hex');
}
