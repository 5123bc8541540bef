import type { Actor } from '../auth/actor';
import { parseRoles } from '../auth/roles';
import { db, type Tx } from '../db/client';
import { env } from '../env';
import { decisionRefusal, singleAdminReleaseAllowed } from '../policy/return-to-normal';
import { switchTarget, type SwitchScope } from '../policy/switch-effects';
import { assertPerson } from './assert-person';
import { listReturnToNormalRequests, type ReturnRequestView } from './list-return-to-normal-requests';
import { readActiveAdminIds } from './read-active-admins';
import { readReturnPlan } from './read-return-plan';
import { resolveTarget, type ResolvedTarget } from './return-target';
import type { ReturnTarget } from './schemas';

export type ReturnToNormalView = {
  target: ResolvedTarget;
  switches: { id: string; effect: string; target: string; reason: string; engagedAt: Date | null }[];
  agentsToResume: { id: string; name: string }[];
  heldByAnotherIncident: { id: string; name: string; incident: string }[];
  revokedKeys: { agent: string; prefix: string; revokedAt: Date }[];
  /** Nothing to release and nobody to resume. */
  nothingToDo: boolean;
  pending: ReturnRequestView | null;
  history: ReturnRequestView[];
  viewer: {
    /** Why this viewer may not approve / reject the pending request (null: they may). */
    approveRefusal: string | null;
    rejectRefusal: string | null;
    canCancel: boolean;
    /** The only active admin: may release alone with their password (and no request waits). */
    singleAdmin: boolean;
  };
  activeAdmins: number;
  ttlMinutes: number;
};

/** What the return to normal of a target would do now, its requests, and what this admin may do. Reads only. */
export async function getReturnToNormal(
  actor: Actor,
  input: ReturnTarget,
  now = new Date(),
): Promise<ReturnToNormalView> {
  const person = assertPerson(actor);
  const client: Tx = db();
  const target = await resolveTarget(client, input);
  const [plan, requests, admins, me] = await Promise.all([
    readReturnPlan(client, target),
    listReturnToNormalRequests(actor, target, now),
    readActiveAdminIds(client),
    db().user.findUnique({ where: { id: person.id }, select: { id: true, roles: true, disabled: true } }),
  ]);
  const agentNames = new Map(
    (
      await db().agent.findMany({
        where: { id: { in: plan.switches.map((s) => s.agentId).filter((id): id is string => id !== null) } },
        select: { id: true, name: true },
      })
    ).map((a) => [a.id, a.name]),
  );
  const pending = requests.find((request) => request.status === 'pending') ?? null;
  const viewer = { id: person.id, roles: me ? parseRoles(me.roles) : [], disabled: me?.disabled ?? true };
  const refusal = (decision: 'approve' | 'reject') =>
    pending ? decisionRefusal({ ...pending, status: 'pending' }, viewer, decision, now) : 'No request is waiting.';
  return {
    target,
    switches: plan.switches.map((s) => ({
      id: s.id,
      effect: s.effect,
      reason: s.reason,
      engagedAt: s.engagedAt,
      target:
        s.scope === 'global'
          ? 'everything'
          : switchTarget({
              scope: s.scope as SwitchScope,
              agentId: s.agentId ? (agentNames.get(s.agentId) ?? s.agentId) : null,
              toolName: s.toolName,
            }),
    })),
    agentsToResume: plan.agentsToResume.map(({ id, name }) => ({ id, name })),
    heldByAnotherIncident: plan.heldByAnotherIncident,
    revokedKeys: plan.revokedKeys,
    nothingToDo: plan.switches.length === 0 && plan.agentsToResume.length === 0,
    pending,
    history: requests.filter((request) => request !== pending),
    viewer: {
      approveRefusal: refusal('approve'),
      rejectRefusal: refusal('reject'),
      canCancel: pending !== null && pending.requestedById === person.id,
      singleAdmin: pending === null && singleAdminReleaseAllowed(admins, person.id),
    },
    activeAdmins: admins.length,
    ttlMinutes: env().WARDEN_RETURN_TO_NORMAL_TTL_MINUTES,
  };
}
