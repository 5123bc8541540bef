import { z } from 'zod';
import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { readStopState } from '@/lib/kill-switches/read-stop-state';
import { waitForStopState } from '@/lib/kill-switches/wait-for-stop-state';

export const dynamic = 'force-dynamic';

/** `?wait=N&engaged=0|1&changedAt=…`: hold up to N seconds until the stop differs from what the page shows. */
const waitQuery = z.object({
  wait: z.coerce.number().int().min(1).max(30),
  engaged: z.enum(['0', '1']),
  changedAt: z.string().max(40).optional(),
});

/**
 * The global stop for the shell's banner, session-authenticated. Plain GET: the state now. With `wait`: a long-poll
 * that answers when the stop changes on any app instance (heard through PostgreSQL's notices; re-read each second
 * elsewhere) or after `wait` seconds; every open console page keeps one open.
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return Response.json({ error: 'Sign in to read the stop.' }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    if (params.wait === undefined)
      return Response.json(await readStopState(actor), { headers: { 'Cache-Control': 'no-store' } });
    const parsed = waitQuery.safeParse(params);
    if (!parsed.success)
      return Response.json(
        { error: `Invalid query: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}` },
        { status: 422 },
      );
    const { wait, engaged, changedAt } = parsed.data;
    const state = await waitForStopState(actor, {
      shown: { engaged: engaged === '1', changedAt: changedAt ?? null },
      waitSeconds: wait,
      signal: request.signal,
    });
    return Response.json(state, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isWardenError(error)) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
