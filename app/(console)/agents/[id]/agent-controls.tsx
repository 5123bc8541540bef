'use client';

import * as Switch from '@radix-ui/react-switch';
import { Pause, Play } from 'lucide-react';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { setAgentModeMutation, setAgentStatusMutation } from './mutations';

type Props = { agentId: string; status: 'active' | 'paused'; mode: 'live' | 'draft_only' };

/** Pause/resume and draft-only mode for the agent's owner and admins (who else may is decided in the domain). */
export function AgentControls({ agentId, status, mode }: Props) {
  const [result, setResult] = useState<MutationResult<string> | null>(null);
  const [pending, startTransition] = useTransition();
  const [reason, setReason] = useState('');
  const run = (change: () => Promise<MutationResult<string>>) => startTransition(async () => setResult(await change()));

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        {status === 'active' ? (
          <div className="flex w-full flex-col gap-2 sm:w-auto sm:flex-row sm:items-end">
            {/* Why: shown on the agent's page and in the audit, so the next person knows what to check before resuming. */}
            <div className="flex flex-col gap-1">
              <Label htmlFor="pause-reason">Reason for pausing</Label>
              <Input
                id="pause-reason"
                value={reason}
                maxLength={500}
                onChange={(e) => setReason(e.target.value)}
                className="sm:w-72"
              />
            </div>
            <Button
              variant="danger"
              disabled={pending}
              onClick={() => run(() => setAgentStatusMutation({ agentId, to: 'paused', reason }))}
            >
              <Pause aria-hidden className="size-4" />
              Pause agent
            </Button>
          </div>
        ) : (
          <Button
            variant="primary"
            disabled={pending}
            onClick={() => run(() => setAgentStatusMutation({ agentId, to: 'active' }))}
          >
            <Play aria-hidden className="size-4" />
            Resume agent
          </Button>
        )}
        <div className="flex items-center gap-3">
          <Switch.Root
            id="draft-only-mode"
            checked={mode === 'draft_only'}
            disabled={pending}
            onCheckedChange={(checked) =>
              run(() => setAgentModeMutation({ agentId, to: checked ? 'draft_only' : 'live' }))
            }
            className="relative h-6 w-11 shrink-0 rounded-full bg-gray-300 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60 data-[state=checked]:bg-violet-600"
          >
            <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
          </Switch.Root>
          <label htmlFor="draft-only-mode" className="text-sm font-medium text-gray-900">
            Draft-only mode
          </label>
        </div>
      </div>
      <p className="text-xs text-gray-600">
        Paused agents can propose nothing and claim nothing. In draft-only mode, every write the agent proposes becomes
        a draft for a person.
      </p>
      {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
      {result?.ok ? (
        <p role="status" className="text-sm text-gray-700">
          {result.data}
        </p>
      ) : null}
    </div>
  );
}
