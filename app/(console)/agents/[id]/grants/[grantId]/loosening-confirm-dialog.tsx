'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { Button } from '@/components/ui/button';

type Props = {
  /** What the change loosens, in words; the dialog is open while this is non-empty. */
  loosened: string[];
  /** An admin's loosening applies at once; an owner's waits for an admin. */
  heldForAdmin: boolean;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Saying out loud what a change stops blocking or reviewing, before it is sent. Focus starts on Cancel. */
export function LooseningConfirmDialog({ loosened, heldForAdmin, pending, onConfirm, onCancel }: Props) {
  return (
    <AlertDialog.Root open={loosened.length > 0} onOpenChange={(open) => !open && !pending && onCancel()}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-lg font-semibold text-gray-900">
            This change loosens the grant
          </AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-gray-700">
              <p>Calls this grant blocks or sends to review today would get through with less:</p>
              <ul className="mt-2 list-disc pl-5 text-gray-900">
                {loosened.map((words) => (
                  <li key={words}>{words}</li>
                ))}
              </ul>
              <p className="mt-3">
                {heldForAdmin
                  ? 'It is held until an admin approves it; the grant stays as it is meanwhile.'
                  : 'It applies at once, recorded in the audit log with what it loosens.'}
              </p>
            </div>
          </AlertDialog.Description>
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <Button variant="danger" disabled={pending} aria-busy={pending} onClick={onConfirm}>
              {heldForAdmin ? 'Send for admin approval' : 'Save loosened grant'}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
