import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { can } from '@/lib/auth/actor';
import { listTools } from '@/lib/tools/list-tools';
import { requireUser } from '../require-user';
import { ToolsTable } from './tools-table';

export const metadata: Metadata = { title: 'Tools' };

export default async function ToolsPage() {
  const actor = await requireUser();
  const tools = await listTools(actor);
  return (
    <>
      <PageHeader
        title="Tools"
        description="What agents may ask to do: each tool's level, parameters and whether it is on."
        actions={
          can(actor, 'tools.manage') ? (
            <Button asChild>
              <Link href="/tools/new">
                <Plus aria-hidden className="size-4" />
                New tool
              </Link>
            </Button>
          ) : null
        }
      />
      <Card>
        <ToolsTable tools={tools} />
      </Card>
    </>
  );
}
