import type { Metadata } from 'next';
import Link from 'next/link';
import { AccessDenied } from '@/components/access-denied';
import { PageHeader } from '@/components/page-header';
import { Card, CardBody } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { requireUser } from '../../require-user';
import { EMPTY_TOOL, ToolForm } from '../tool-form';

export const metadata: Metadata = { title: 'New tool' };

export default async function NewToolPage() {
  const actor = await requireUser();
  if (!can(actor, 'tools.manage')) return <AccessDenied title="New tool">Only admins create tools.</AccessDenied>;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tools" className="text-indigo-700 hover:underline">
          ← Tools
        </Link>
      </p>
      <PageHeader title="New tool" description="Agents can call it only once it is granted to them." />
      <Card>
        <CardBody>
          <ToolForm initial={EMPTY_TOOL} />
        </CardBody>
      </Card>
    </>
  );
}
