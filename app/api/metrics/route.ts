import { scrapeMetrics } from '@/lib/metrics/scrape-metrics';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

// Prometheus's scrape: bearer WARDEN_METRICS_TOKEN; without a configured token there is no such endpoint (404).
export async function GET(request: Request): Promise<Response> {
  const scrape = await scrapeMetrics(request.headers.get('authorization'));
  if (scrape.access === 'disabled') return Response.json({ error: 'Not found.' }, { status: 404, headers: NO_STORE });
  if (scrape.access === 'refused')
    return Response.json(
      { error: 'A valid metrics token is required.' },
      { status: 401, headers: { ...NO_STORE, 'WWW-Authenticate': 'Bearer realm="warden-metrics"' } },
    );
  return new Response(scrape.text, { headers: { ...NO_STORE, 'Content-Type': scrape.contentType } });
}
