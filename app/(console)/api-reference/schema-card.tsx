import { Card, CardHeader } from '@/components/ui/card';
import type { JsonSchema } from '@/lib/http/openapi';
import { SchemaFields } from './schema-fields';

export function SchemaCard({ name, schema }: { name: string; schema: JsonSchema }) {
  return (
    <Card id={`schema-${name}`} aria-labelledby={`schema-${name}-title`}>
      <CardHeader
        id={`schema-${name}-title`}
        title={name}
        description={typeof schema.description === 'string' ? schema.description : undefined}
      />
      <SchemaFields schema={schema} />
    </Card>
  );
}
