'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { ArrowUpRight } from 'lucide-react';
import { useActionState, useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Label, Select, Textarea } from '@/components/ui/field';
import { escalateActionMutation } from './mutations';

type Group = { id: string; name: string };

/**
 * "Escalate": hand the action to another reviewer group, with a note the next group reads first. It stays pending;
 * escalating asks for a decision, it does not make one. The note lands in the audit trail.
 */
export function EscalateDialog({
  actionId,
  groups,
  assignedGroup,
}: {
  actionId: string;
  groups: Group[];
  assignedGroup: string | null;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(
    async (previous: Parameters<typeof escalateActionMutation>[0], form: FormData) => {
      const next = await escalateActionMutation(previous, form);
      // Close once the escalation is recorded; the refreshed page shows the new group and the audit event.
      if (next?.ok) setOpen(false);
      return next;
    },
    null,
  );

  return (
    <>
      <Dialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        <Dialog.Trigger asChild>
          <Button variant="secondary" size="sm">
            <ArrowUpRight aria-hidden className="size-4" />
            Escalate
          </Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none">
            <Dialog.Title className="text-lg font-semibold text-gray-900">
              Escalate to another reviewer group
            </Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-gray-700">
              {assignedGroup ? (
                <>
                  It is now with <span className="font-medium">{assignedGroup}</span>.{' '}
                </>
              ) : null}
              The group you choose is asked to decide and reads your note first. The action stays pending; approvals
              given so far still count.
            </Dialog.Description>
            <form action={formAction} className="mt-4 flex flex-col gap-4">
              <input type="hidden" name="actionId" value={actionId} />
              <div>
                <Label htmlFor="escalate-group">Reviewer group</Label>
                <Select id="escalate-group" name="groupId" required defaultValue="">
                  <option value="" disabled>
                    Choose a group
                  </option>
                  {groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {group.name}
                    </option>
                  ))}
                </Select>
              </div>
              <div>
                <Label htmlFor="escalate-note">Note for the next reviewers</Label>
                <Textarea
                  id="escalate-note"
                  name="note"
                  required
                  maxLength={2000}
                  placeholder="Why you escalate, and what they should check"
                />
              </div>
              {state && !state.ok ? <ErrorAlert>{state.error}</ErrorAlert> : null}
              <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
                <Dialog.Close asChild>
                  <Button variant="secondary" disabled={pending}>
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button type="submit" disabled={pending} aria-busy={pending}>
                  Escalate action
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      {state?.ok && state.message ? (
        <p role="status" className="text-sm text-gray-800">
          {state.message}
        </p>
      ) : null}
    </>
  );
}
