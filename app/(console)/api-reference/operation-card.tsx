import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card, CardBody } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { resolveSchema, type OpenApiDocument } from '@/lib/http/openapi';
import { curlExample, schemaName, type Operation } from './operations';
import { SchemaFields } from './schema-fields';

const METHOD_TONES: Record<string, BadgeTone> = { GET: 'blue', POST: 'green' };

/** One operation: what it does, what it takes, what it answers, and a curl to try it. */
export function OperationCard({ operation, document }: { operation: Operation; document: OpenApiDocument }) {
  const bodySchema = operation.body?.schemaName
    ? resolveSchema(document, { $ref: `#/components/schemas/${operation.body.schemaName}` })
    : null;
  return (
    <Card id={operation.id} aria-labelledby={`${operation.id}-title`}>
      <div className="flex flex-wrap items-center gap-2 border-b border-gray-200 px-4 py-3 sm:px-5">
        <Badge tone={METHOD_TONES[operation.method] ?? 'gray'} className="font-mono">
          {operation.method}
        </Badge>
        <h2 id={`${operation.id}-title`} className="font-mono text-sm font-semibold break-all text-gray-900">
          {operation.path}
        </h2>
        {operation.isPublic ? <Badge tone="violet">public, no key</Badge> : null}
        <p className="basis-full text-sm text-gray-600">{operation.summary}</p>
      </div>

      {operation.parameters.length > 0 ? (
        <Section title="Parameters">
          <Table>
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>In</Th>
                <Th>Description</Th>
              </tr>
            </thead>
            <tbody>
              {operation.parameters.map((parameter) => (
                <tr key={`${parameter.in}-${parameter.name}`}>
                  <Td className="font-mono text-xs whitespace-nowrap">
                    {parameter.name}
                    {parameter.required ? <span className="text-amber-700"> *</span> : null}
                  </Td>
                  <Td>{parameter.in}</Td>
                  <Td>{parameter.description}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Section>
      ) : null}

      {operation.body && bodySchema ? (
        <Section
          title="Request body"
          note={`${operation.body.schemaName}${operation.body.required ? '' : ', optional'}`}
        >
          <SchemaFields schema={bodySchema} />
        </Section>
      ) : null}

      <Section title="Responses">
        <ul className="divide-y divide-gray-100 text-sm">
          {operation.responses.map(([status, response]) => {
            const name = schemaName(response.content?.['application/json']?.schema);
            return (
              <li key={status} className="flex gap-3 px-4 py-2 sm:px-5">
                <Badge
                  tone={status.startsWith('2') ? 'green' : status.startsWith('4') ? 'amber' : 'red'}
                  className="font-mono"
                >
                  {status}
                </Badge>
                <span className="text-gray-800">
                  {response.description}
                  {name ? (
                    <>
                      {' '}
                      <a href={`#schema-${name}`} className="font-mono text-xs text-indigo-700 hover:underline">
                        {name}
                      </a>
                    </>
                  ) : null}
                </span>
              </li>
            );
          })}
        </ul>
      </Section>

      <CardBody className="border-t border-gray-200">
        <pre className="overflow-x-auto rounded-md bg-gray-900 p-3 font-mono text-xs leading-relaxed text-gray-100">
          <code>{curlExample(operation)}</code>
        </pre>
      </CardBody>
    </Card>
  );
}

function Section({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <div className="border-t border-gray-100 first:border-t-0">
      <h3 className="px-4 pt-3 pb-2 text-xs font-semibold tracking-wide text-gray-500 uppercase sm:px-5">
        {title}
        {note ? <span className="ml-2 font-mono font-normal tracking-normal normal-case">{note}</span> : null}
      </h3>
      {children}
    </div>
  );
}
