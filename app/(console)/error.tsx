'use client';

import { Button } from '@/components/ui/button';

/**
 * Unexpected failures only (expected ones are shown beside the form that caused them). In production Next hides
 * the message of a server error; the digest lets an operator find it in the server log.
 */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-lg font-semibold text-gray-900">Something went wrong</h1>
      <p className="mt-1 text-sm text-gray-700">
        This page could not be shown. Try again; if it keeps failing, tell your Warden operator.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-gray-500">Reference: {error.digest}</p> : null}
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
