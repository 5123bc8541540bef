import { getUserActor } from '@/lib/session/get-user-actor';
import { isWardenError } from '@/lib/errors';
import { readStopState } from '@/lib/kill-switches/read-stop-state';

export const dynamic = 'force-dynamic';

/** The global stop for the shell's banner, polled each second by every open console page. Session-authenticated. */
export async function GET(): Promise<Response> {
  const actor = await getUserActor();
  if (!actor) return Response.json({ error: 'Sign in to read the stop.' }, { status: 401 });
  try {
    return Response.json(await readStopState(actor), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isWardenError(error)) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
