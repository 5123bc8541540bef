import type { JsonSchema, OpenApiDocument } from '@/lib/http/openapi';

export type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema };
export type OperationResponse = { description: string; content?: Record<string, { schema: JsonSchema }> };
export type Operation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  isPublic: boolean;
  parameters: Parameter[];
  body: { required: boolean; schemaName: string | null; example: unknown } | null;
  responses: [status: string, response: OperationResponse][];
};

type RawOperation = {
  operationId: string;
  summary: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, OperationResponse>;
};

/** The document's operations in a shape that is easy to render; the path order is the document's. */
export function listOperations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, RawOperation>).map(([method, raw]) => {
      const media = raw.requestBody?.content['application/json'];
      return {
        id: raw.operationId,
        method: method.toUpperCase(),
        path,
        summary: raw.summary,
        isPublic: raw.security?.length === 0,
        parameters: raw.parameters ?? [],
        body: media
          ? {
              required: raw.requestBody?.required ?? false,
              schemaName: schemaName(media.schema),
              example: media.example,
            }
          : null,
        responses: Object.entries(raw.responses),
      };
    }),
  );
}

export function schemaName(schema: JsonSchema | undefined): string | null {
  return typeof schema?.$ref === 'string' ? (schema.$ref.split('/').pop() ?? null) : null;
}

/** A copy-pasteable curl for the operation, with its example body. */
export function curlExample(operation: Operation): string {
  const query = operation.parameters.some((p) => p.in === 'query') ? '?wait=30' : '';
  const url = `"$WARDEN_URL${operation.path.replace('{id}', '$ACTION_ID')}${query}"`;
  const lines = [`curl -s${operation.method === 'GET' ? '' : ` -X ${operation.method}`} ${url}`];
  if (!operation.isPublic) lines.push(`-H "Authorization: Bearer $WARDEN_AGENT_KEY"`);
  if (operation.body?.example !== undefined) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d '${JSON.stringify(operation.body.example, null, 2).replaceAll("'", `'\\''`)}'`);
  }
  return lines.join(' \\\n  ');
}
