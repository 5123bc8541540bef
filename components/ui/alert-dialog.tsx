'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState, useTransition } from 'react';
import { Button, type ButtonProps } from './button';

type ConfirmDialogProps = {
  /** Name of the button that opens the dialog. */
  triggerLabel: string;
  triggerVariant?: ButtonProps['variant'];
  title: string;
  description: React.ReactNode;
  /** Name of the button that confirms; keep it as specific as the trigger ("Stop all agents", not "OK"). */
  confirmLabel: string;
  confirmVariant?: ButtonProps['variant'];
  /** Runs on confirm; the dialog stays open (buttons disabled) until it settles, then closes. */
  onConfirm: () => Promise<void>;
};

/** A destructive or far-reaching action behind an explicit confirmation (Radix AlertDialog: focus-trapped, Esc cancels). */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();

  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <Button variant={props.triggerVariant ?? 'danger'}>{props.triggerLabel}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-gray-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-5 shadow-xl focus:outline-none">
          <AlertDialog.Title className="text-lg font-semibold text-gray-900">{props.title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="mt-2 text-sm text-gray-700">{props.description}</div>
          </AlertDialog.Description>
          <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button
                variant={props.confirmVariant ?? 'danger'}
                disabled={pending}
                onClick={(event) => {
                  event.preventDefault();
                  startTransition(async () => {
                    await props.onConfirm();
                    setOpen(false);
                  });
                }}
              >
                {props.confirmLabel}
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
