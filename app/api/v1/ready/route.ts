import { checkReadiness } from '@/lib/health/check-readiness';

// Readiness for a load balancer: the database answers and every migration is applied (200), else 503 with the reason.
// Public like /api/v1/health (which stays database-free, for liveness); the reason names no address or secret.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const headers = { 'Cache-Control': 'no-store' };
  if (readiness.ready) return Response.json({ status: 'ready' }, { headers });
  return Response.json({ status: 'not_ready', reason: readiness.reason }, { status: 503, headers });
}
