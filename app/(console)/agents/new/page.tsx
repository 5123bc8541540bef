import type { Metadata } from 'next';
import Link from 'next/link';
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
  const owners = can(actor, 'agents.manage') ? await listAgentOwners(actor) : null;
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/agents" className="text-indigo-700 hover:underline">← Agents</Link></p>
      <PageHeader title="New agent" description="It can call Warden once it has a key, and do only what it is granted." />
      <Card>
        <CardBody>
          {owners === null ? (
            <ErrorAlert>Only admins can create agents.</ErrorAlert>
          ) : owners.length === 0 ? (
            <ErrorAlert>Nobody can own an agent yet: first give a user the owner or admin role.</ErrorAlert>
          ) : (
            <NewAgentForm owners={owners} />
          )}
        </CardBody>
      </Card>
    </>
  );
}
