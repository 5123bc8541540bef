// Public liveness check that touches no database: also the benchmark's baseline for a bare route handler.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
