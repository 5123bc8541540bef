import { env } from '../env';
import { authorizeScrape } from './authorize-scrape';
import { readDatabaseGauges } from './read-database-gauges';
import { metrics } from './registry';

export type Scrape =
  { access: 'disabled' } | { access: 'refused' } | { access: 'allowed'; contentType: string; text: string };

/**
 * Prometheus's scrape of this instance: the bearer token from WARDEN_METRICS_TOKEN (unset: there is no endpoint), then
 * the database gauges read now, then every metric in the text format.
 */
export async function scrapeMetrics(authorization: string | null): Promise<Scrape> {
  const access = authorizeScrape(authorization, env().WARDEN_METRICS_TOKEN);
  if (access !== 'allowed') return { access };
  await readDatabaseGauges();
  const { registry } = metrics();
  return { access, contentType: registry.contentType, text: await registry.metrics() };
}
