import type { Metadata } from 'next';
import { AccessDenied } from '@/components/access-denied';
import { formatAge } from '@/components/format-time';
import { LocalTime } from '@/components/viewer-zone';
import { PageHeader } from '@/components/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { can, isAdmin } from '@/lib/auth/actor';
import { listAgents } from '@/lib/agents/list-agents';
import { listSwitchHoldings } from '@/lib/kill-switches/list-switch-holdings';
import { listEngagedSwitches } from '@/lib/kill-switches/list-switches';
import { listTools } from '@/lib/tools/list-tools';
import { requireUser } from '../require-user';
import { EngageSwitchForm } from './engage-switch-form';
import { GlobalStopReturn } from './global-stop-return';
import { ReleaseSwitchForm } from './release-switch-form';
import { SwitchHoldingsView } from './switch-holdings';
import { WhatAStopDoes } from './what-a-stop-does';

export const metadata: Metadata = { title: 'Controls' };

const EFFECT_TONE = { block: 'red', 'draft-only': 'amber', 'review-all': 'violet' } as const;

/** Kill switches: what is engaged, why, since when and by whom; engage one; release one (reason + password). */
export default async function ControlsPage() {
  const actor = await requireUser();
  const admin = isAdmin(actor);
  if (!admin && !can(actor, 'agents.control')) {
    return (
      <AccessDenied title="Controls">
        Kill switches are engaged and released by admins, and by owners for their own agents.
      </AccessDenied>
    );
  }
  const [switches, agents, tools] = await Promise.all([
    listEngagedSwitches(actor),
    listAgents(actor),
    admin ? listTools(actor) : Promise.resolve([]),
  ]);
  const holdings = await listSwitchHoldings(actor, switches);
  const ownAgents = agents
    .filter((agent) => admin || agent.owner.email === actor.email)
    .map((agent) => ({ id: agent.id, name: agent.name }));

  return (
    <>
      <PageHeader
        title="Controls"
        description="Kill switches. Block refuses new proposals, claims and approvals in scope; review-all sends every proposal to review whatever its grant says; draft-only turns writes into drafts. Drafts and finished actions are untouched; releasing approves or runs nothing by itself."
      />
      <Card className="mb-6">
        <CardHeader
          title="Engaged switches"
          description={switches.length === 0 ? 'None: every agent works within its own grants.' : undefined}
        />
        {switches.length > 0 ? (
          <ul className="divide-y divide-gray-100">
            {switches.map((s) => (
              <li
                key={s.id}
                className="flex flex-col gap-3 px-4 py-4 sm:px-6 lg:flex-row lg:items-start lg:justify-between"
              >
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-gray-900">
                    <Badge tone={EFFECT_TONE[s.effect] ?? 'red'}>{s.effect}</Badge>
                    <span>{s.scope === 'global' ? 'Everything' : s.target}</span>
                  </p>
                  <p className="mt-1 text-sm break-words text-gray-800">Reason: {s.reason || '(none recorded)'}</p>
                  <p className="mt-1 text-xs text-gray-600">
                    Engaged {formatAge(s.engagedAt.toISOString())} by {s.engagedBy ?? 'the CLI'} ·{' '}
                    <LocalTime iso={s.engagedAt.toISOString()} /> · id {s.id}
                  </p>
                  <SwitchHoldingsView switchId={s.id} effect={s.effect} holdings={holdings.get(s.id)!} />
                </div>
                {s.manageable ? (
                  <ReleaseSwitchForm
                    id={s.id}
                    label={s.scope === 'global' ? `${s.effect} on everything` : `${s.effect} on ${s.target}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <GlobalStopReturn />
      <WhatAStopDoes />
      <Card>
        <CardHeader
          title="Engage a switch"
          description={admin ? 'Any scope.' : 'Owners: on their own agents (agent or agent and tool).'}
        />
        <CardBody>
          <EngageSwitchForm admin={admin} agents={ownAgents} tools={tools.map((tool) => tool.name)} />
        </CardBody>
      </Card>
    </>
  );
}
