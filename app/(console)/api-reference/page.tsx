import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { openApiDocument } from '@/lib/http/openapi';
import { OperationCard } from './operation-card';
import { SchemaCard } from './schema-card';
import { listOperations } from './operations';
import { requireUser } from '../require-user';

export const metadata: Metadata = { title: 'API reference' };

/** The agent API, rendered from the same OpenAPI document agents can fetch (itself generated from the zod schemas). */
export default async function ApiReferencePage() {
  await requireUser();
  const apiDocument = openApiDocument();
  const operations = listOperations(apiDocument);

  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            {apiDocument.info.description} Machine-readable:{' '}
            <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
              /api/v1/openapi.json
            </a>{' '}
            (OpenAPI 3.1). The examples read <code className="font-mono text-xs">$WARDEN_URL</code> and{' '}
            <code className="font-mono text-xs">$WARDEN_AGENT_KEY</code> from the shell.
          </>
        }
      />
      <nav aria-label="Operations" className="mb-6 flex flex-wrap gap-2 text-sm">
        {operations.map((operation) => (
          <a
            key={operation.id}
            href={`#${operation.id}`}
            className="rounded-md border border-gray-200 bg-white px-2.5 py-1 font-mono text-xs text-gray-800 hover:bg-gray-50"
          >
            {operation.method} {operation.path}
          </a>
        ))}
      </nav>
      <div className="space-y-6">
        {operations.map((operation) => (
          <OperationCard key={operation.id} operation={operation} document={apiDocument} />
        ))}
        <h2 className="pt-4 text-lg font-semibold text-gray-900">Schemas</h2>
        {Object.entries(apiDocument.components.schemas).map(([name, schema]) => (
          <SchemaCard key={name} name={name} schema={schema} />
        ))}
      </div>
    </>
  );
}
