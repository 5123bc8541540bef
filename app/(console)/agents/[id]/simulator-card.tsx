'use client';

import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { Input, Label, Select, Textarea } from '@/components/ui/field';
import type { MutationResult } from '@/app/(console)/define-mutation';
import { simulateCallMutation } from './simulator-mutations';
import { SimulatorResult, type Simulation } from './simulator-result';

type Props = { agentId: string; grantedTools: string[]; allTools: string[] };

/** "What would the gate do with this call?" on the agent's current grants and state; records nothing. */
export function SimulatorCard({ agentId, grantedTools, allTools }: Props) {
  const [tool, setTool] = useState(grantedTools[0] ?? allTools[0] ?? '');
  const [params, setParams] = useState('{}');
  const [reason, setReason] = useState('');
  const [assertion, setAssertion] = useState('');
  const [result, setResult] = useState<MutationResult<Simulation> | null>(null);
  const [pending, startTransition] = useTransition();
  const others = allTools.filter((name) => !grantedTools.includes(name));

  const simulate = (event: React.FormEvent) => {
    event.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(params);
    } catch (error) {
      return setResult({ ok: false, error: `Parameters must be valid JSON: ${(error as Error).message}` });
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      return setResult({ ok: false, error: 'Parameters must be a JSON object, e.g. {"amount": 12}.' });
    startTransition(async () => {
      setResult(
        await simulateCallMutation({
          agentId,
          tool,
          params: parsed as Record<string, unknown>,
          ...(reason.trim() ? { reason } : {}),
          ...(assertion.trim() ? { requesterAssertion: assertion } : {}),
        }),
      );
    });
  };

  return (
    <Card aria-labelledby="agent-simulator">
      <CardHeader
        id="agent-simulator"
        title="Simulate a call"
        description="The gate's answer for a call by this agent right now. Nothing is recorded."
      />
      <CardBody>
        <form onSubmit={simulate} className="grid gap-4 md:grid-cols-2">
          <div>
            <Label htmlFor="simulate-tool">Tool</Label>
            <Select id="simulate-tool" value={tool} onChange={(e) => setTool(e.target.value)}>
              {grantedTools.length > 0 ? (
                <optgroup label="Granted to this agent">
                  {grantedTools.map((name) => (
                    <option key={name}>{name}</option>
                  ))}
                </optgroup>
              ) : null}
              {others.length > 0 ? (
                <optgroup label="Other tools">
                  {others.map((name) => (
                    <option key={name}>{name}</option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
          </div>
          <div>
            <Label htmlFor="simulate-reason">Reason</Label>
            <Input
              id="simulate-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="Optional: the agent's reason"
            />
          </div>
          <div>
            <Label htmlFor="simulate-params">Parameters (JSON)</Label>
            <Textarea
              id="simulate-params"
              className="font-mono"
              spellCheck={false}
              value={params}
              onChange={(e) => setParams(e.target.value)}
            />
          </div>
          <div>
            <Label htmlFor="simulate-assertion">Requester assertion (JWT)</Label>
            <Textarea
              id="simulate-assertion"
              className="font-mono text-xs"
              spellCheck={false}
              value={assertion}
              onChange={(e) => setAssertion(e.target.value)}
              placeholder="Optional: a signed assertion of the person the agent acts for"
            />
          </div>
          <div className="md:col-span-2 flex flex-col gap-3">
            <div>
              <Button type="submit" disabled={pending || !tool} aria-busy={pending}>
                Simulate
              </Button>
            </div>
            {result && !result.ok ? <ErrorAlert>{result.error}</ErrorAlert> : null}
            {result?.ok ? <SimulatorResult simulation={result.data} /> : null}
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
