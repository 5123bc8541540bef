'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { formatUtc } from '@/components/format-time';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Select } from '@/components/ui/field';
import { rotateKeyMutation } from './key-mutations';
import { OneTimeKey } from './one-time-key';

const OVERLAPS = [
  { minutes: 0, label: 'No overlap: it stops now' },
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 1440, label: '24 hours' },
];

type Rotated = { key: string; prefix: string; oldKeyExpiresAt: string };

/** "Rotate": a new key now, the old one working for the chosen overlap; the new key is shown once. */
export function RotateKeyDialog({ agentId, keyId, prefix }: { agentId: string; keyId: string; prefix: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState('60');
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const rotate = () =>
    startTransition(async () => {
      const result = await rotateKeyMutation({ agentId, keyId, overlapMinutes: Number(overlap) });
      if (!result.ok) return setError(result.error);
      setError(null);
      setRotated(result.data);
    });
  const onOpenChange = (next: boolean) => {
    // Not while the rotation is on its way; once its answer shows, Done must work even if the transition still runs.
    if (pending && rotated === null && error === null) return;
    setOpen(next);
    if (!next && rotated) {
      setRotated(null);
      router.refresh();
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm">
          Rotate
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <Dialog.Title className="text-lg font-semibold text-gray-900">Rotate key {prefix}…</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-gray-700">
            A new key is made now. The old key keeps working during the overlap, so the agent can be redeployed with the
            new one first.
          </Dialog.Description>
          {rotated ? (
            <div className="mt-4 flex flex-col gap-3">
              <OneTimeKey id={`rotated-key-${keyId}`} value={rotated.key}>
                <p role="status" className="text-sm text-gray-800">
                  The old key {prefix}… stops working at {formatUtc(rotated.oldKeyExpiresAt)}.
                </p>
              </OneTimeKey>
              <div className="flex justify-end">
                <Dialog.Close asChild>
                  <Button>Done</Button>
                </Dialog.Close>
              </div>
            </div>
          ) : (
            <div className="mt-4 flex flex-col gap-4">
              <div>
                <Label htmlFor={`rotate-overlap-${keyId}`}>Old key keeps working for</Label>
                <Select id={`rotate-overlap-${keyId}`} value={overlap} onChange={(e) => setOverlap(e.target.value)}>
                  {OVERLAPS.map((option) => (
                    <option key={option.minutes} value={option.minutes}>
                      {option.label}
                    </option>
                  ))}
                </Select>
              </div>
              {error ? <ErrorAlert>{error}</ErrorAlert> : null}
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <Dialog.Close asChild>
                  <Button variant="secondary" disabled={pending}>
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button onClick={rotate} disabled={pending} aria-busy={pending}>
                  Rotate key
                </Button>
              </div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
