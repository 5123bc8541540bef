import { assertCan, can, type Actor } from '../auth/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { db, type Tx } from '../db/client';
import { invalidInput, WardenError, type FieldIssue } from '../errors';
import { toGrantPolicy } from '../grants/to-grant-policy';
import { holdSwitchesSteady } from '../kill-switches/global-stop';
import { recordTimeToDecision } from '../metrics/record-time-to-decision';
import { canonicalJson } from '../policy/canonical-json';
import { checkConstraint } from '../policy/check-constraint';
import { diffParams } from '../policy/diff-params';
import { notifyActionChanged } from '../realtime/action-changes';
import { riskColumnsOfStored } from '../review/risk-columns';
import { keepMaskedParams } from '../tools/present-params';
import { validateParams } from '../tools/validate-params';
import { expireIfOverdue } from './expire-action';
import { paramsHash } from './params-hash';
import { recordingFrozenRefusal } from './record-frozen-refusal';
import { alreadyDecided, recordReviewDecision, type DecisionOutcome } from './record-review-decision';
import { editAndApproveSchema, type EditAndApproveInput } from './schemas';
import { prismaRunner } from '../db/sql-runner';

export type EditOutcome = DecisionOutcome & { edited: boolean; paramsVersion: number; paramsHash: string };

/**
 * A reviewer changes the parameters of a pending action and approves the changed version, in one transaction.
 * The new parameters must pass the tool's JSON Schema and the grant's blocking constraints (422 naming the field,
 * nothing changed); constraints that only ask for review are satisfied by this very review. The edit is a new
 * version (the submitted `params` stay as they were), the hash moves to it so the approval binds to it, approvals
 * given to the earlier version are voided, and the audit records the diff with sensitive fields masked.
 * `version` is the version the reviewer edited: if someone edited since, this is a conflict naming the current one.
 */
export async function editAndApproveAction(actor: Actor, input: EditAndApproveInput): Promise<EditOutcome> {
  assertCan(actor, 'actions.decide');
  if (actor.type !== 'user')
    throw new WardenError('forbidden', 'Only a signed-in reviewer can edit and approve actions.');
  const { actionId, params: submitted, comment: rawComment, version } = editAndApproveSchema.parse(input);
  const comment = rawComment || null;

  let proposedAt: Date | null = null;
  const result = await recordingFrozenRefusal(actor, actionId, () =>
    db().$transaction(async (tx) => {
      // The switches' share lock before the action's row, in the order a release takes them (see review-pending-action).
      await holdSwitchesSteady(prismaRunner(tx));
      const action = await tx.action.findUnique({
        where: { id: actionId },
        include: { tool: { select: { name: true, parameters: true, sensitiveFields: true, actionLevel: true } } },
      });
      if (!action) throw new WardenError('not_found', 'No such action.');
      proposedAt = action.createdAt;
      if (await expireIfOverdue(tx, action)) return null;
      if (action.status !== 'pending_review') throw await alreadyDecided(tx, actionId);
      if (action.paramsVersion !== version) throw staleVersion(action.paramsVersion, version);
      if (!action.tool)
        throw new WardenError('conflict', 'This action names no known tool: its parameters cannot be checked.');
      // Lock the version the reviewer saw (a compare-and-set that changes nothing visible): a concurrent edit commits
      // before or after this whole transaction, never between the read above and the approval below.
      const locked = await tx.action.updateMany({
        where: { id: actionId, status: 'pending_review', paramsVersion: version },
        data: { updatedAt: new Date() },
      });
      if (locked.count !== 1) throw await raced(tx, actionId, version);

      const current = JSON.parse(action.editedParams ?? action.params) as Record<string, unknown>;
      const sensitive = JSON.parse(action.tool.sensitiveFields) as string[];
      const params = can(actor, 'actions.read_sensitive') ? submitted : keepHidden(submitted, current, sensitive);
      const issues = [
        ...validateParams(action.tool.parameters, params),
        ...(await blockingViolations(tx, action, params, sensitive)),
      ];
      if (issues.length > 0) throw invalidInput('The edited parameters are not valid for this tool and grant.', issues);

      if (canonicalJson(params) !== canonicalJson(current)) {
        const hash = paramsHash(action.agentId, action.toolName, params);
        const next = version + 1;
        const { count } = await tx.action.updateMany({
          where: { id: actionId, status: 'pending_review', paramsVersion: version },
          data: {
            editedParams: JSON.stringify(params),
            paramsVersion: next,
            paramsHash: hash,
            ...riskColumnsOfStored(action, action.tool.actionLevel, params),
          },
        });
        if (count !== 1) throw await raced(tx, actionId, version);
        const refs = { actor, actionId, agentId: action.agentId };
        // Earlier approvals were given to other parameters: they do not carry over to these.
        const voided = await tx.actionApproval.deleteMany({ where: { actionId } });
        if (voided.count > 0) {
          await recordAuditEvent(tx, {
            ...refs,
            type: 'action.approvals_reset',
            payload: { reason: `parameters edited to version ${next}`, count: voided.count },
          });
        }
        await recordAuditEvent(tx, {
          ...refs,
          type: 'action.params_edited',
          payload: { version: next, changes: diffParams(current, params, sensitive), paramsHash: hash, comment },
        });
      }
      const outcome = await recordReviewDecision(tx, actor, actionId, 'approved', comment);
      const row = await tx.action.findUniqueOrThrow({
        where: { id: actionId },
        select: { paramsVersion: true, paramsHash: true },
      });
      return {
        ...outcome,
        edited: row.paramsVersion !== version,
        paramsVersion: row.paramsVersion,
        paramsHash: row.paramsHash,
      };
    }),
  );
  notifyActionChanged(actionId);
  if (result && proposedAt) recordTimeToDecision(result.status, proposedAt);
  if (!result)
    throw new WardenError('conflict', 'This action expired before it was decided: its review deadline has passed.', {
      status: 'expired',
    });
  return result;
}

/** Sensitive fields the reviewer saw masked keep their values; a change to one is refused (this role cannot see it). */
function keepHidden(submitted: Record<string, unknown>, current: Record<string, unknown>, sensitive: string[]) {
  const { params, refused } = keepMaskedParams(submitted, current, sensitive);
  if (refused.length > 0) {
    throw new WardenError(
      'forbidden',
      `Your role cannot see or change the sensitive field${refused.length > 1 ? 's' : ''} ${refused.join(', ')}.`,
      {
        issues: refused.map((path) => ({
          path: `params.${path}`,
          message: 'is sensitive: your role cannot change it',
        })),
      },
    );
  }
  return params;
}

/** The grant's constraints that block (not those that ask for review: a person is reviewing now). */
async function blockingViolations(
  tx: Tx,
  action: { agentId: string; toolId: string | null },
  params: Record<string, unknown>,
  sensitive: string[],
): Promise<FieldIssue[]> {
  if (!action.toolId) return [];
  const grant = toGrantPolicy(
    await tx.grant.findUnique({ where: { agentId_toolId: { agentId: action.agentId, toolId: action.toolId } } }),
  );
  if (!grant) return [];
  return grant.constraints.flatMap((constraint) => {
    if (constraint.effect !== 'block') return [];
    const violation = checkConstraint(constraint, params, sensitive);
    return violation ? [{ path: `params.${constraint.param}`, message: `the grant blocks this: ${violation}` }] : [];
  });
}

function staleVersion(current: number, edited: number) {
  return new WardenError(
    'conflict',
    `The parameters were edited by someone else meanwhile: version ${current} is current, you edited version ${edited}. Reload to see it.`,
    { status: 'pending_review', currentVersion: current },
  );
}

/** The compare-and-set lost: say what changed first, the status or the version. */
async function raced(tx: Tx, actionId: string, version: number) {
  const now = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { status: true, paramsVersion: true },
  });
  if (now.status !== 'pending_review') return alreadyDecided(tx, actionId);
  return staleVersion(now.paramsVersion, version);
}
