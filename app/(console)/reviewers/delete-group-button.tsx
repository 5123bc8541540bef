'use client';

import { useState } from 'react';
import { ErrorAlert } from '@/components/ui/alert';
import { ConfirmDialog } from '@/components/ui/alert-dialog';
import { deleteReviewerGroupMutation } from './mutations';

/** Deletes a group behind a confirmation; the domain refuses while grants, waiting actions or channels use it. */
export function DeleteGroupButton({
  groupId,
  groupName,
  memberCount,
}: {
  groupId: string;
  groupName: string;
  memberCount: number;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2 border-t border-gray-100 pt-3">
      <div>
        <ConfirmDialog
          triggerLabel="Delete group"
          triggerVariant="secondary"
          title={`Delete ${groupName}?`}
          description={
            <p>
              {memberCount > 0
                ? `Its ${memberCount} member${memberCount === 1 ? '' : 's'} keep their roles; only the group goes. `
                : ''}
              Warden refuses while a grant, an action waiting for review or a notification channel still relies on it,
              and says which.
            </p>
          }
          confirmLabel="Delete group"
          onConfirm={async () => {
            const result = await deleteReviewerGroupMutation({ groupId });
            setError(result.ok ? null : result.error);
          }}
        />
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
