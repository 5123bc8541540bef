'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { FormResult } from '../errors';
import { verifyAuditChainNow } from './actions';

/** An admin's on-demand check of the chain; the outcome appears in the status above once recorded. */
export function VerifyNowButton() {
  const [result, setResult] = useState<FormResult>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => startTransition(async () => setResult(await verifyAuditChainNow()))}>
        {pending ? 'Verifying…' : 'Verify now'}
      </Button>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok && result.message ? <p role="status" className="text-xs text-gray-600">{result.message}</p> : null}
    </div>
  );
}
