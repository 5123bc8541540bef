'use client';

import { useState, useTransition } from 'react';
import { OutcomeBadge } from '@/components/outcome-badge';
import { UtcTime } from '@/components/relative-time';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { BacktestChange } from '@/lib/grants/backtest-grant';
import type { GrantRulesInput } from '@/lib/grants/schemas';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { checkGrantImpactMutation } from './mutations';

type Impact = { days: number; total: number; changed: number; truncated: boolean; examples: BacktestChange[] };
type Props = { agentId: string; grantId: string; rules: () => GrantRulesInput | null };

/** "Check impact": how the edited rules would have decided this agent's recorded calls of the tool. Changes nothing. */
export function ImpactCheck({ agentId, grantId, rules }: Props) {
  const [days, setDays] = useState('7');
  const [result, setResult] = useState<MutationResult<Impact> | null>(null);
  const [pending, startTransition] = useTransition();

  const check = () => {
    const edited = rules();
    if (!edited) return;
    startTransition(async () =>
      setResult(await checkGrantImpactMutation({ agentId, grantId, rules: edited, days: Number(days) || 7 })),
    );
  };

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <Label htmlFor="grant-impact-days">Days to check</Label>
          <Input
            id="grant-impact-days"
            type="number"
            min={1}
            max={90}
            className="w-24"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <Button variant="secondary" onClick={check} disabled={pending} aria-busy={pending}>
          Check impact
        </Button>
      </div>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok ? <ImpactReport impact={result.data} /> : null}
    </div>
  );
}

function ImpactReport({ impact }: { impact: Impact }) {
  return (
    <div role="status" className="rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-900">
      <p className="font-medium">{`${impact.changed} of ${impact.total} recorded proposals would change`}</p>
      <p className="text-xs text-gray-600">
        Over the last {impact.days} days, replayed under the edited rules.
        {impact.truncated ? ' Only the first 5,000 proposals were replayed.' : ''}
      </p>
      {impact.examples.length > 0 ? (
        <ul className="mt-3 flex flex-col gap-2">
          {impact.examples.map((example) => (
            <li key={example.actionId} className="rounded-md border border-gray-200 bg-white p-2">
              <div className="flex flex-wrap items-center gap-2">
                <UtcTime iso={example.createdAt} />
                <OutcomeBadge outcome={example.before} />
                <span aria-label="would become">→</span>
                <OutcomeBadge outcome={example.after} />
              </div>
              <code className="mt-1 block font-mono text-xs break-all text-gray-700">
                {JSON.stringify(example.params)}
              </code>
              <ul className="mt-1 list-disc pl-5 text-xs text-gray-700">
                {example.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
