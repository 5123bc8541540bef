'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import { addGrantMutation } from './grant-mutations';

/** Grants one more tool (one approval required at first) and opens the new grant's editor. */
export function AddGrantForm({ agentId, tools }: { agentId: string; tools: string[] }) {
  const router = useRouter();
  const [tool, setTool] = useState(tools[0] ?? '');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (tools.length === 0) return <p className="text-sm text-gray-600">Every tool is granted to this agent.</p>;

  const add = () =>
    startTransition(async () => {
      const result = await addGrantMutation({ agentId, tool });
      if (!result.ok) return setError(result.error);
      router.push(`/agents/${agentId}/grants/${result.data.grantId}`);
    });

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 sm:flex-none">
          <Label htmlFor="add-grant-tool">Tool to grant</Label>
          <Select id="add-grant-tool" value={tool} onChange={(e) => setTool(e.target.value)}>
            {tools.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <Button onClick={add} disabled={pending || !tool} aria-busy={pending}>
          Add grant
        </Button>
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
