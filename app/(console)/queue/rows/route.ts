import { NextResponse } from 'next/server';
import { listPendingActions } from '@/lib/actions/list-pending-actions';
import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { parseQueueQuery } from '@/lib/review/queue-query';

export const dynamic = 'force-dynamic';

/** One page of the queue as JSON, for "Show more" and for catching up after the live stream (re)connects. */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor)
    return NextResponse.json(
      { error: { code: 'unauthenticated', message: 'Sign in to read the queue.' } },
      { status: 401 },
    );
  try {
    const page = await listPendingActions(
      actor,
      parseQueueQuery(Object.fromEntries(new URL(request.url).searchParams)),
    );
    return NextResponse.json(page, { headers: { 'Cache-Control': 'private, no-store' } });
  } catch (error) {
    if (isWardenError(error))
      return NextResponse.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
}
