'use client';

import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { signOutMyselfEverywhereMutation } from './mutations';

/** Every session of yours ends (a lost laptop, a shared computer); then this browser goes to sign-in. */
export function SignOutEverywhereButton() {
  return (
    <ConfirmDialog
      triggerLabel="Sign out everywhere"
      triggerVariant="secondary"
      title="Sign out everywhere?"
      description="Every session of yours ends, on every device, this one included."
      confirmLabel="Sign out everywhere"
      onConfirm={async () => {
        const result = await signOutMyselfEverywhereMutation();
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load: nothing of the ended session stays in the client's router cache
        if (result.ok) window.location.assign('/sign-in');
      }}
    />
  );
}
