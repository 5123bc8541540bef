import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { ErrorAlert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { getAuditVerification } from '@/lib/audit/chain/get-audit-verification';
import { AUDIT_PAGE_SIZE, listAuditEvents } from '@/lib/audit/list-audit-events';
import { requireUser } from '../require-user';
import { AuditFilters } from './audit-filters';
import { auditPageHref, parseAuditQuery, type AuditSearchParams } from './audit-query';
import { AuditTable } from './audit-table';
import { ChainStatus } from './chain-status';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<AuditSearchParams> }) {
  const actor = await requireUser();
  const { filter, cursor, form, problems, paged } = parseAuditQuery(await searchParams);
  const [{ events, total, agents, users, tools, olderCursor, newerCursor }, verification] = await Promise.all([
    listAuditEvents(actor, { ...filter, ...cursor }),
    getAuditVerification(actor),
  ]);
  const exportHref = (format: 'csv' | 'jsonl') => auditPageHref(form, {}, '/audit/export', { format });

  return (
    <>
      <PageHeader
        title="Audit log"
        description={`Every recorded event, newest first, ${AUDIT_PAGE_SIZE} per page. Times are in your time zone; hover for UTC.`}
      />
      <ChainStatus state={verification} />
      <Card>
        <AuditFilters agents={agents} users={users} tools={tools} values={form} />
        {problems.length > 0 ? <ErrorAlert className="mx-4 mt-3 sm:mx-5">{problems.join(' ')}</ErrorAlert> : null}
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 pt-3 text-sm sm:px-5">
          <p role="status" className="font-medium text-gray-900">
            {total.toLocaleString('en-US')} {total === 1 ? 'event' : 'events'}
          </p>
          <p className="flex gap-3">
            <span className="text-gray-600">Download these:</span>
            <a href={exportHref('csv')} download className="font-medium text-indigo-700 hover:underline">
              CSV
            </a>
            <a href={exportHref('jsonl')} download className="font-medium text-indigo-700 hover:underline">
              JSONL
            </a>
          </p>
        </div>
        <AuditTable events={events} />
        <nav
          aria-label="Audit log pages"
          className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-200 px-4 py-3 text-sm sm:px-5"
        >
          <div className="flex gap-2">
            <PageLink href={newerCursor !== null ? auditPageHref(form, { after: newerCursor }) : null} rel="prev">
              Newer
            </PageLink>
            <PageLink href={olderCursor !== null ? auditPageHref(form, { before: olderCursor }) : null} rel="next">
              Older
            </PageLink>
          </div>
          {paged ? (
            <Link href={auditPageHref(form, {})} className="font-medium text-indigo-700 hover:underline">
              Back to newest
            </Link>
          ) : null}
        </nav>
      </Card>
    </>
  );
}

/** A pager link, or a visibly disabled stand-in (not a link) when there is no such page. */
function PageLink({ href, rel, children }: { href: string | null; rel: 'prev' | 'next'; children: string }) {
  const style = 'inline-flex items-center gap-1 rounded-md border px-3 py-1.5 font-medium';
  const label =
    rel === 'prev' ? (
      <>
        <span aria-hidden>←</span>
        {children}
      </>
    ) : (
      <>
        {children}
        <span aria-hidden>→</span>
      </>
    );
  if (!href)
    return (
      <span aria-disabled="true" className={`${style} border-gray-200 text-gray-400`}>
        {label}
      </span>
    );
  return (
    <Link href={href} rel={rel} className={`${style} border-gray-300 bg-white text-gray-900 hover:bg-gray-50`}>
      {label}
    </Link>
  );
}
