'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { verifyAuditChainMutation } from './mutations';

/** An admin's on-demand check of the chain; the outcome appears in the status above once recorded. */
export function VerifyNowButton() {
  const [result, setResult] = useState<MutationResult<string> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button
        variant="secondary"
        size="sm"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await verifyAuditChainMutation()))}
      >
        {pending ? 'Verifying…' : 'Verify now'}
      </Button>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok ? (
        <p role="status" className="text-xs text-gray-600">
          {result.data}
        </p>
      ) : null}
    </div>
  );
}
