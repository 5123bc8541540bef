import { ShieldX } from 'lucide-react';
import { PageHeader } from './page-header';
import { Card } from './ui/card';

/**
 * What a page shows a signed-in person whose role may not use it: the page's title and why, nothing of its data.
 * Every console page refuses the same way, and `data-access="denied"` lets the authorization matrix
 * (e2e/api/authorization-matrix.spec.ts) tell a refusal from a page that rendered.
 */
export function AccessDenied({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div data-access="denied">
      <PageHeader title={title} />
      <Card>
        <div role="alert" className="flex flex-col items-center gap-2 px-6 py-10 text-center">
          <ShieldX aria-hidden className="size-8 text-gray-400" />
          <p className="font-medium text-gray-900">Not available to your role</p>
          <p className="max-w-md text-sm text-gray-600">{children}</p>
        </div>
      </Card>
    </div>
  );
}
