'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import { ACTION_LEVELS, ACTION_LEVEL_LABELS, type ActionLevel } from '@/lib/policy/action-levels';
import { reviewMcpToolChangeMutation } from './mutations';

/**
 * Accept or dismiss one change an upstream brought. A new tool needs its action level confirmed (the annotations only
 * suggest one, and they come from the upstream).
 */
export function ChangeReview({
  changeId,
  kind,
  upstreamName,
  suggestedLevel,
}: {
  changeId: string;
  kind: string;
  upstreamName: string;
  suggestedLevel: string;
}) {
  const [level, setLevel] = useState(suggestedLevel);
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'accept' | 'dismiss') =>
    start(async () => {
      const outcome = await reviewMcpToolChangeMutation({
        changeId,
        decision,
        ...(kind === 'added' && decision === 'accept' ? { actionLevel: level as ActionLevel } : {}),
      });
      setError(outcome.ok ? null : outcome.error);
    });
  const acceptLabel = { added: 'Import', changed: 'Accept change', removed: 'Disable tool' }[kind] ?? 'Accept';
  return (
    <div className="flex flex-wrap items-end gap-2">
      {kind === 'added' ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor={`level-${changeId}`}>Action level for {upstreamName}</Label>
          <Select id={`level-${changeId}`} value={level} onChange={(e) => setLevel(e.target.value)}>
            {ACTION_LEVELS.map((l) => (
              <option key={l} value={l}>
                {ACTION_LEVEL_LABELS[l]}
                {l === suggestedLevel ? ' (suggested)' : ''}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      <Button onClick={() => decide('accept')} disabled={pending} aria-label={`${acceptLabel}: ${upstreamName}`}>
        {acceptLabel}
      </Button>
      <Button
        variant="secondary"
        onClick={() => decide('dismiss')}
        disabled={pending}
        aria-label={`Dismiss: ${upstreamName}`}
      >
        Dismiss
      </Button>
      {error ? <ErrorAlert className="w-full">{error}</ErrorAlert> : null}
    </div>
  );
}
