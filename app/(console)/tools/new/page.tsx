import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { ErrorAlert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { requireUser } from '../../require-user';
import { EMPTY_TOOL, ToolForm } from '../tool-form';

export const metadata: Metadata = { title: 'New tool' };

export default async function NewToolPage() {
  const actor = await requireUser();
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/tools" className="text-indigo-700 hover:underline">← Tools</Link></p>
      <PageHeader title="New tool" description="Agents can call it only once it is granted to them." />
      <Card>
        <CardBody>
          {can(actor, 'tools.manage') ? <ToolForm initial={EMPTY_TOOL} /> : <ErrorAlert>Only admins can create tools.</ErrorAlert>}
        </CardBody>
      </Card>
    </>
  );
}
