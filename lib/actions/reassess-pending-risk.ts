import { db } from '../db/client';
import { RISK_RULES_VERSION } from '../review/assess-risk';
import { riskColumnsOfStored } from '../review/risk-columns';

/**
 * Pending actions whose stored risk predates the current rules (written before this version, or before risk was
 * stored at all) get it computed again, a batch at a time: a step of the background loop. Only the risk columns
 * change, compared-and-set on the version read, so an edit in between wins; no audit event: nothing a person or
 * an agent did changed, and the flags are derived from what the audit already holds.
 */
export async function reassessPendingRisk(limit = 200): Promise<number> {
  const stale = await db().action.findMany({
    where: { status: 'pending_review', riskVersion: { lt: RISK_RULES_VERSION } },
    select: {
      id: true, params: true, editedParams: true, paramsVersion: true, reason: true, sources: true, requester: true, requesterVerified: true,
      gateReasons: true, currentValues: true, tool: { select: { actionLevel: true } },
    },
    take: limit,
  });
  let updated = 0;
  for (const action of stale) {
    const risk = riskColumnsOfStored(action, action.tool?.actionLevel, JSON.parse(action.editedParams ?? action.params));
    const { count } = await db().action.updateMany({
      where: { id: action.id, paramsVersion: action.paramsVersion, riskVersion: { lt: RISK_RULES_VERSION } },
      data: risk,
    });
    updated += count;
  }
  return updated;
}
