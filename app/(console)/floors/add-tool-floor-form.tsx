'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label, Select } from '@/components/ui/field';
import { setApprovalFloorMutation } from './mutations';

/** A floor of one tool's own, above its level's (e.g. refunds need two people even though external needs one). */
export function AddToolFloorForm({ tools }: { tools: { name: string; actionLevel: string }[] }) {
  const router = useRouter();
  const [tool, setTool] = useState('');
  const [value, setValue] = useState('2');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await setApprovalFloorMutation({ scope: 'tool', tool, minApprovals: Number(value) });
          setError(result.ok ? null : result.error);
          if (result.ok) {
            setTool('');
            router.refresh();
          }
        });
      }}
    >
      <div className="w-full sm:w-auto">
        <Label htmlFor="tool-floor-tool">Tool</Label>
        <Select id="tool-floor-tool" value={tool} onChange={(e) => setTool(e.target.value)} className="w-full sm:w-64">
          <option value="">Choose a tool</option>
          {tools.map((t) => (
            <option key={t.name} value={t.name}>{`${t.name} (${t.actionLevel})`}</option>
          ))}
        </Select>
      </div>
      <div>
        <Label htmlFor="tool-floor-min">Minimum approvals</Label>
        <Input
          id="tool-floor-min"
          type="number"
          min={0}
          max={5}
          step={1}
          inputMode="numeric"
          className="w-24"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
        Add tool floor
      </Button>
      {error ? <ErrorAlert className="w-full">{error}</ErrorAlert> : null}
    </form>
  );
}
