import { NextResponse } from 'next/server';
import { csvHeader, toCsvLine, toJsonLine } from '@/lib/audit/audit-export-format';
import { exportAuditEvents } from '@/lib/audit/export-audit-events';
import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { parseAuditQuery } from '../audit-query';

export const dynamic = 'force-dynamic';

/** The filtered audit log as a download (?format=csv (the default)|jsonl and the page's own filters), streamed page by page. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor)
    return NextResponse.json(
      { error: { code: 'unauthenticated', message: 'Sign in to export the audit log.' } },
      { status: 401 },
    );
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const format = params.format ?? 'csv';
  if (format !== 'csv' && format !== 'jsonl') {
    return NextResponse.json(
      { error: { code: 'invalid_input', message: 'format must be csv or jsonl.' } },
      { status: 400 },
    );
  }
  const { filter, problems } = parseAuditQuery(params);
  if (problems.length > 0)
    return NextResponse.json({ error: { code: 'invalid_input', message: problems.join(' ') } }, { status: 400 });
  try {
    const pages = await exportAuditEvents(actor, filter, format);
    const encoder = new TextEncoder();
    const chunks = (async function* () {
      if (format === 'csv') yield csvHeader();
      for await (const page of pages) yield page.map(format === 'csv' ? toCsvLine : toJsonLine).join('');
    })();
    // Pulled: the next page is read only when the client has taken the last one.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
    return new Response(stream, {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
        'Content-Disposition': `attachment; filename="warden-audit-${stamp}.${format}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isWardenError(error))
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
}
