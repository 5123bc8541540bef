'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input, Label } from '@/components/ui/field';
import type { SetApprovalFloorInput } from '@/lib/floors/schemas';
import { approvalsWord } from '@/lib/policy/admin-floors';
import { setApprovalFloorMutation } from './mutations';

type Scope = { scope: 'level'; actionLevel: string } | { scope: 'tool'; tool: string };
type Props = {
  target: Scope;
  label: string;
  initial: number | null;
  saveLabel: string;
  clearLabel?: string;
  id: string;
};

/** One floor: a number of approvals and Save (and, for a tool's own floor, Remove). */
export function FloorForm({ target, label, initial, saveLabel, clearLabel, id }: Props) {
  const router = useRouter();
  const [value, setValue] = useState(initial === null ? '' : String(initial));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (minApprovals: number | null) =>
    startTransition(async () => {
      const result = await setApprovalFloorMutation({ ...target, minApprovals } as SetApprovalFloorInput);
      setMessage(
        result.ok
          ? {
              ok: true,
              text: `Saved (${result.data.scope}: at least ${approvalsWord(result.data.minApprovals ?? 0)}).`,
            }
          : { ok: false, text: result.error },
      );
      if (result.ok) router.refresh();
    });

  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        submit(value.trim() === '' ? null : Number(value));
      }}
    >
      <Label htmlFor={id} className="break-words">
        {label}
      </Label>
      <div className="flex flex-wrap items-center gap-2">
        <Input
          id={id}
          type="number"
          min={0}
          max={5}
          step={1}
          inputMode="numeric"
          className="w-24"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
          {saveLabel}
        </Button>
        {clearLabel ? (
          <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => submit(null)}>
            {clearLabel}
          </Button>
        ) : null}
      </div>
      {message?.ok ? (
        <p role="status" className="text-sm text-emerald-800">
          {message.text}
        </p>
      ) : null}
      {message && !message.ok ? <ErrorAlert>{message.text}</ErrorAlert> : null}
    </form>
  );
}
