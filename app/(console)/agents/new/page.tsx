import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/page-header';
import { ErrorAlert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { listAgentOwners } from '@/lib/agents/list-agent-owners';
import { requireUser } from '../../require-user';
import { NewAgentForm } from './new-agent-form';

export const metadata: Metadata = { title: 'New agent' };

export default async function NewAgentPage() {
  const actor = await requireUser();
  if (!can(actor, 'agents.manage')) return <AccessDenied title="New agent">Only admins create agents.</AccessDenied>;
  const owners = await listAgentOwners(actor);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/agents" className="text-indigo-700 hover:underline">
          ← Agents
        </Link>
      </p>
      <PageHeader
        title="New agent"
        description="It can call Warden once it has a key, and do only what it is granted."
      />
      <Card>
        <CardBody>
          {owners.length === 0 ? (
            <ErrorAlert>Nobody can own an agent yet: first give a user the owner or admin role.</ErrorAlert>
          ) : (
            <NewAgentForm owners={owners} />
          )}
        </CardBody>
      </Card>
    </>
  );
}
