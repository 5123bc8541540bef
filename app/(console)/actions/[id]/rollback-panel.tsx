import Link from 'next/link';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { Actor } from '@/lib/auth/actor';
import { getActionRollback } from '@/lib/rollback/get-action-rollback';
import { RollbackForm } from './rollback-form';

const LINK = 'font-medium text-indigo-700 hover:text-indigo-900 hover:underline';

/**
 * Undoing an executed action: what its tool declares, every compensation attempt, a manual rollback, and on a
 * compensation the action it undoes. Renders nothing when there is nothing to say or do.
 */
export async function RollbackPanel({ actor, actionId }: { actor: Actor; actionId: string }) {
  const rollback = await getActionRollback(actor, actionId);
  const { kind, summary, attempts, manual, rollbackOf, viewerCanRollBack } = rollback;
  const succeeded = attempts.find((a) => a.status === 'succeeded');
  const latest = attempts[0];
  const canRequest = viewerCanRollBack && kind === 'compensating' && (summary === 'none' || summary === 'failed');
  // By hand: a manual tool's way, or the fallback once a compensation failed.
  const canRecordManual =
    viewerCanRollBack && !manual && (kind === 'manual' ? summary === 'none' : summary === 'failed');
  if (!rollbackOf && attempts.length === 0 && !manual && !canRequest && !canRecordManual) return null;

  return (
    <Card aria-labelledby="rollback-title">
      <CardHeader id="rollback-title" title="Rollback" />
      <CardBody className="flex flex-col gap-3 text-sm text-gray-800">
        {rollbackOf ? (
          <p>
            This action rolls back{' '}
            <Link className={LINK} href={`/actions/${rollbackOf.id}`}>
              {rollbackOf.toolName} {rollbackOf.id.slice(-8)}
            </Link>
            .
          </p>
        ) : null}
        {succeeded ? (
          <p role="status" className="font-medium text-green-800">
            Rolled back by{' '}
            <Link className={LINK} href={`/actions/${succeeded.id}`}>
              {succeeded.tool} {succeeded.id.slice(-8)}
            </Link>
            {succeeded.requestedBy ? `, requested by ${succeeded.requestedBy}` : ''}.
          </p>
        ) : null}
        {manual ? (
          <p role="status" className="font-medium text-green-800">
            Rolled back manually by {manual.by} ({new Date(manual.at).toUTCString()}): {manual.note}
          </p>
        ) : null}
        {summary === 'in_progress' && latest ? (
          <p>
            Rollback{' '}
            <Link className={LINK} href={`/actions/${latest.id}`}>
              {latest.tool} {latest.id.slice(-8)}
            </Link>{' '}
            is {latest.status.replace('_', ' ')}
            {latest.requestedBy ? ` (requested by ${latest.requestedBy})` : ''}.
          </p>
        ) : null}
        {summary === 'failed' && latest ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 font-medium text-red-800">
            The compensation failed:{' '}
            <Link className={LINK} href={`/actions/${latest.id}`}>
              {latest.tool} {latest.id.slice(-8)}
            </Link>
            . The effects of this action are still in place.
          </p>
        ) : null}
        {attempts.length > 1 ? (
          <ul className="list-disc pl-5 text-gray-700">
            {attempts.map((a) => (
              <li key={a.id}>
                <Link className={LINK} href={`/actions/${a.id}`}>
                  {a.tool} {a.id.slice(-8)}
                </Link>
                : {a.status.replace('_', ' ')}
              </li>
            ))}
          </ul>
        ) : null}
        {kind === 'manual' && rollback.instructions && viewerCanRollBack ? (
          <div>
            <p className="font-medium text-gray-900">How to undo it by hand</p>
            <p className="whitespace-pre-wrap text-gray-700">{rollback.instructions}</p>
          </div>
        ) : null}
        {canRequest || canRecordManual ? (
          <RollbackForm
            actionId={actionId}
            compensatingTool={canRequest ? rollback.compensatingTool : null}
            manual={canRecordManual}
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
