import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { EmptyState } from '@/components/empty-state';
import { ReplayEditor } from './replay-editor';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { can } from '@/lib/auth/actor';
import { getGrantDetail } from '@/lib/grants/get-grant-detail';
import { listIncidentGrants } from '@/lib/incidents/list-incident-grants';
import { orNotFound } from '../../../errors';
import { requireUser } from '../../../require-user';

export const metadata: Metadata = { title: 'Incident replay' };

/** "Would the tightened grant have stopped this?": pick a grant of the incident's agents, edit its rules, replay. */
export default async function IncidentReplayPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ grant?: string }>;
}) {
  const actor = await requireUser();
  if (!can(actor, 'incidents.manage')) {
    return <AccessDenied title="Incident replay">Incidents are worked by admins.</AccessDenied>;
  }
  const { id } = await params;
  const { grant: grantId } = await searchParams;
  const grants = await orNotFound(listIncidentGrants(actor, id));
  const picked = grants.find((grant) => grant.id === grantId) ?? null;
  const detail = picked ? await getGrantDetail(actor, { agentId: picked.agentId, grantId: picked.id }) : null;

  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
      <Card aria-labelledby="replay-grants" className="lg:w-72 lg:shrink-0">
        <CardHeader
          id="replay-grants"
          title="Grants"
          description="Of the incident's agents, with their proposals in the window."
        />
        {grants.length === 0 ? (
          <EmptyState title="No grants" description="The incident's agents hold no grant to replay." />
        ) : (
          <ul className="divide-y divide-gray-100">
            {grants.map((grant) => (
              <li key={grant.id}>
                <Link
                  href={`/incidents/${id}/replay?grant=${grant.id}`}
                  aria-current={grant.id === picked?.id ? 'page' : undefined}
                  className={cn(
                    'flex items-center justify-between gap-2 px-4 py-2.5 text-sm hover:bg-gray-50 sm:px-5',
                    grant.id === picked?.id && 'bg-indigo-50 font-medium',
                  )}
                >
                  <span className="min-w-0 break-words">
                    <span className="text-gray-900">{grant.tool}</span>{' '}
                    <span className="text-gray-600">· {grant.agentName}</span>
                  </span>
                  <span className="shrink-0 text-xs text-gray-600 tabular-nums">{grant.proposals} in window</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card aria-labelledby="replay-editor" className="min-w-0 flex-1">
        <CardHeader
          id="replay-editor"
          title={detail ? `Replay ${detail.tool.name} for ${detail.agent.name}` : 'Replay under a candidate grant'}
          description="Edit the rules, then replay the window's recorded proposals: each outcome that would change is listed. Nothing is saved; change the grant itself on its own page."
        />
        <CardBody>
          {detail ? (
            <ReplayEditor
              key={detail.id}
              incidentId={id}
              grantId={detail.id}
              agentId={detail.agent.id}
              rules={detail.rules}
              params={detail.paramPaths}
              groups={detail.reviewerGroups}
            />
          ) : (
            <p className="text-sm text-gray-700">
              {grants.length > 0 ? 'Choose a grant to edit.' : 'Nothing to replay.'}
            </p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
