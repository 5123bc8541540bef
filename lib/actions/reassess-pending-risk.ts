import { db } from '../db/client';
import { RISK_RULES_VERSION } from '../review/assess-risk';
import { riskColumnsOfStored } from '../review/risk-columns';

const QUIET_MS = 10 * 60_000;
let quietUntil = 0;

/**
 * Pending actions whose stored risk predates the current rules (written before this version, or before risk was
 * stored at all) get it computed again, a batch at a time: a step of the background loop. Only the risk columns
 * change, compared-and-set on the version read, so an edit in between wins; no audit event: nothing a person or
 * an agent did changed, and the flags are derived from what the audit already holds.
 */
export async function reassessPendingRisk(limit = 200): Promise<number> {
  // Stale rows exist only after an upgrade (or while an older instance still runs): once a pass finds none, the
  // next looks again after a while, not on every tick — at 100,000 pending each look reads them all.
  if (Date.now() < quietUntil) return 0;
  const stale = await db().action.findMany({
    where: { status: 'pending_review', riskVersion: { lt: RISK_RULES_VERSION } },
    select: {
      id: true,
      params: true,
      editedParams: true,
      paramsVersion: true,
      reason: true,
      sources: true,
      requester: true,
      requesterVerified: true,
      gateReasons: true,
      currentValues: true,
      tool: { select: { actionLevel: true } },
    },
    take: limit,
  });
  if (stale.length === 0) quietUntil = Date.now() + QUIET_MS;
  let updated = 0;
  for (const action of stale) {
    const risk = riskColumnsOfStored(
      action,
      action.tool?.actionLevel,
      JSON.parse(action.editedParams ?? action.params),
    );
    const { count } = await db().action.updateMany({
      where: { id: action.id, paramsVersion: action.paramsVersion, riskVersion: { lt: RISK_RULES_VERSION } },
      data: risk,
    });
    updated += count;
  }
  return updated;
}
