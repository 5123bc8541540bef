import Link from 'next/link';
import { UtcTime } from '@/components/relative-time';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { DraftLinks } from '@/lib/drafts/get-draft-links';
import { DraftControls } from './draft-controls';

const LINK = 'font-medium text-indigo-700 hover:underline';

/** A draft's fate and, while it has none, its controls; on a promoted action, the draft it came from. */
export function DraftPanel({ actionId, links }: { actionId: string; links: DraftLinks }) {
  const { draft, promotedFromId } = links;
  if (!draft && !promotedFromId) return null;
  return (
    <Card aria-labelledby="draft">
      <CardHeader id="draft" title="Draft" />
      <CardBody className="flex flex-col gap-3 text-sm text-gray-700">
        {promotedFromId ? (
          <p>
            Promoted from a draft by a person.{' '}
            <Link href={`/actions/${promotedFromId}`} className={LINK}>
              Open the draft
            </Link>
          </p>
        ) : null}
        {draft?.fate === 'promoted' ? (
          <p>
            Promoted to review
            {draft.fateAt ? (
              <>
                {' '}
                at <UtcTime iso={draft.fateAt.toISOString()} />
              </>
            ) : null}
            .{' '}
            {draft.promotedActionId ? (
              <Link href={`/actions/${draft.promotedActionId}`} className={LINK}>
                Open the queued action
              </Link>
            ) : null}
          </p>
        ) : null}
        {draft?.fate === 'discarded' ? (
          <p>
            Discarded
            {draft.fateAt ? (
              <>
                {' '}
                at <UtcTime iso={draft.fateAt.toISOString()} />
              </>
            ) : null}
            . It will never run.
          </p>
        ) : null}
        {draft && draft.fate === null ? (
          draft.canHandle ? (
            <DraftControls draftId={actionId} />
          ) : (
            <p>
              Held as a draft: it did not run. A reviewer, an admin or the agent&apos;s owner can promote it to review
              or discard it.
            </p>
          )
        ) : null}
      </CardBody>
    </Card>
  );
}
