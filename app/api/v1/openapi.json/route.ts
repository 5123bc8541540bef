import { openApiDocument } from '@/lib/http/openapi';

// Public and identical for every caller: rendered once at build time.
export const dynamic = 'force-static';

export function GET(): Response {
  return Response.json(openApiDocument());
}
