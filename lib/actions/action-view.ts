import { reviewerIdentity } from '../http/reviewer-identity';
import type { ActionStatus } from '../policy/action-status';
import type { Source } from './schemas';

type ActionRow = {
  id: string;
  toolName: string;
  params: string;
  editedParams: string | null;
  paramsVersion: number;
  reason: string | null;
  sources: string;
  requester: string | null;
  requesterVerified: boolean;
  traceId: string;
  paramsHash: string;
  approvalsRequired: number;
  status: string;
  gateReasons: string;
  decisionReason: string | null;
  decidedAt: Date | null;
  result: string | null;
  downstreamRef: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewer?: { id: string; name: string } | null;
  rollbackOfId?: string | null;
};

/** What the agent API returns for an action (and what the console builds on). */
export type ActionView = ReturnType<typeof toActionView>;

export function toActionView(row: ActionRow) {
  const submitted = JSON.parse(row.params) as Record<string, unknown>;
  return {
    id: row.id,
    status: row.status as ActionStatus,
    tool: row.toolName,
    /** The version to run: the reviewer's edit if there is one, else the parameters as submitted. */
    params: row.editedParams === null ? submitted : (JSON.parse(row.editedParams) as Record<string, unknown>),
    /** 1 = as submitted; each reviewer edit adds one. */
    paramsVersion: row.paramsVersion,
    edited: row.editedParams !== null,
    /** The parameters as the agent submitted them, present only when a reviewer edited them. */
    ...(row.editedParams !== null && { originalParams: submitted }),
    reason: row.reason,
    sources: JSON.parse(row.sources) as Source[],
    requester: row.requester,
    requesterVerified: row.requesterVerified,
    traceId: row.traceId,
    paramsHash: row.paramsHash,
    approvalsRequired: row.approvalsRequired,
    decision: {
      /** The gate's reasons at proposal time. */
      reasons: JSON.parse(row.gateReasons) as string[],
      /** The latest reason given by a person (reviewer's comment) or by a block at claim time. */
      reason: row.decisionReason,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      /** Who decided, as agents may know them (a display name or an opaque id; never an e-mail address). */
      decidedBy: reviewerIdentity(row.reviewer),
    },
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    downstreamRef: row.downstreamRef,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    /** Set on a compensating action Warden proposed to undo another (lib/rollback): the original's id. */
    rollbackOf: row.rollbackOfId ?? null,
  };
}
