/**
 * The agent API's wire shapes, as /api/v1/openapi.json describes them. Written by hand so the SDK has no
 * dependencies; sdk/src/wire-types.test.ts holds them to the server's zod schemas at type-check time.
 */
export type JsonObject = Record<string, unknown>;

export type ActionStatus =
  'pending_review' | 'approved' | 'rejected' | 'blocked' | 'draft' | 'executing' | 'succeeded' | 'failed' | 'expired';

/** How the gate decided a proposal. `throttled` never appears: it is a 429 (`WardenApiError`, code `rate_limited`). */
export type Outcome = 'approved' | 'pending_review' | 'draft' | 'blocked';

export type Source = { title: string; url?: string; excerpt?: string };

export type ProposeInput<P extends JsonObject = JsonObject> = {
  tool: string;
  params: P;
  reason?: string;
  sources?: Source[];
  requester?: string;
  /**
   * A JWT from your backend naming the end user the agent acts for: `sub`, `aud` (the Warden's audience: its
   * WARDEN_ASSERTION_AUDIENCE, else its public origin), `iat` and `exp` at most 5 minutes apart, made per proposal.
   */
  requesterAssertion?: string;
  traceId?: string;
};

export type ProposalResult = {
  id: string;
  status: Outcome;
  decision: { outcome: Outcome; reasons: string[] };
};

export type ActionView<P extends JsonObject = JsonObject> = {
  id: string;
  status: ActionStatus;
  tool: string;
  /** The parameters to run: as proposed, or the reviewer's edited version when `edited`. */
  params: P;
  /** 1 as proposed; each reviewer edit adds one. */
  paramsVersion: number;
  /** True when a reviewer changed the parameters before approving. */
  edited: boolean;
  /** Only when `edited`: the parameters exactly as proposed. */
  originalParams?: P;
  reason: string | null;
  sources: Source[];
  requester: string | null;
  requesterVerified: boolean;
  traceId: string;
  /** Hex SHA-256 of (agent, tool, canonical params) of the version to run: send it with the claim. */
  paramsHash: string;
  approvalsRequired: number;
  decision: {
    /** The gate's reasons at proposal time. */
    reasons: string[];
    /** The latest reason given by a person (the reviewer's comment) or by a block at claim time. */
    reason: string | null;
    decidedBy: string | null;
    decidedAt: string | null;
  };
  result: unknown;
  downstreamRef: string | null;
  createdAt: string;
  updatedAt: string;
  /** Set when Warden proposed this action to undo another (a rollback): the original action's id. */
  rollbackOf: string | null;
  /** Only in the answer to a result report: a stop engaged while it was in flight (the result is recorded). */
  stop?: { reasons: string[] };
};

export type ToolAuthority = {
  name: string;
  description: string;
  actionLevel: 'read' | 'draft' | 'classify' | 'create' | 'update' | 'external';
  /** The tool's JSON Schema for params. */
  parameters: JsonObject;
  approval: 'none' | 'required';
};

/** An engaged kill switch that applies to the agent: block refuses, review-all queues, draft-only drafts writes. */
export type SwitchInForce = {
  id: string;
  scope: 'global' | 'agent' | 'tool' | 'agent-tool';
  tool: string | null;
  effect: 'block' | 'review-all' | 'draft-only';
  reason: string;
  /** ISO 8601. */
  since: string;
};

export type Authority = {
  agent: { id: string; name: string; status: 'active' | 'paused'; mode: 'live' | 'draft_only' };
  tools: ToolAuthority[];
  switches: SwitchInForce[];
  /** Executing actions that a stop engaged since their claim now covers. */
  inFlightAtStop: { actionId: string; tool: string; stops: string[] }[];
};

export type ResultReport = { ok: boolean; output?: unknown; error?: string; downstreamRef?: string };

export type FieldIssue = { path: string; message: string };

/** The body of every error response. */
export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    issues?: FieldIssue[];
    status?: ActionStatus;
    reasons?: string[];
    [detail: string]: unknown;
  };
};
