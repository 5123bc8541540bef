import { CircleAlert, ShieldCheck, ShieldQuestion } from 'lucide-react';
import type { AuditVerificationView } from '@/lib/audit/chain/get-audit-verification';
import { VerifyNowButton } from './verify-now-button';

const utc = (date: Date) => `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** Whether the log is provably intact: the last recorded verification, the sealed head and what waits to be sealed. */
export function ChainStatus({ state }: { state: AuditVerificationView }) {
  const { last, unsealed, head } = state;
  const failed = last && !last.ok;
  const Icon = !last ? ShieldQuestion : failed ? CircleAlert : ShieldCheck;
  const tone = !last
    ? 'border-gray-200 bg-white'
    : failed
      ? 'border-red-200 bg-red-50'
      : 'border-emerald-200 bg-emerald-50';
  return (
    <section
      aria-labelledby="chain-status-title"
      className={`mb-4 flex flex-col gap-3 rounded-lg border px-4 py-3 text-sm sm:flex-row sm:items-start sm:justify-between sm:px-5 ${tone}`}
    >
      <div className="flex min-w-0 gap-2">
        <Icon
          aria-hidden
          className={`mt-0.5 size-4 shrink-0 ${failed ? 'text-red-700' : last ? 'text-emerald-700' : 'text-gray-500'}`}
        />
        <div className="min-w-0 space-y-1">
          <h2 id="chain-status-title" className="font-medium text-gray-900">
            {!last
              ? 'Chain not verified yet'
              : failed
                ? `Chain broken at ${last.firstBadSeq !== null ? `event #${last.firstBadSeq}` : `the end (after event #${last.verifiedThroughSeq ?? '–'})`}`
                : `Chain verified up to event #${last.verifiedThroughSeq ?? '–'}`}
          </h2>
          {last ? (
            <p className="break-words text-gray-700">
              {failed ? `${last.problem}. ` : `${last.events} events, ${last.checkpoints} signed checkpoints. `}
              Checked {utc(last.checkedAt)}.
            </p>
          ) : (
            <p className="text-gray-700">
              No check has been recorded yet{state.canVerify ? ': verify now, or wait for the background check' : ''}.
            </p>
          )}
          <p className="text-gray-600">
            {unsealed === 0
              ? 'Every event is sealed'
              : `${unsealed} ${unsealed === 1 ? 'event waits' : 'events wait'} to be sealed`}
            {head ? `; last sealed #${head.seq} at ${utc(head.sealedAt)}.` : '.'}
          </p>
        </div>
      </div>
      {state.canVerify ? <VerifyNowButton /> : null}
    </section>
  );
}
