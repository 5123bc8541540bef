import { CircleAlert, CircleCheck } from 'lucide-react';
import Link from 'next/link';
import { Card, CardHeader } from '@/components/ui/card';
import type { AgentReadiness } from '@/lib/policy/agent-readiness';

/**
 * The recovery plan, checked: eight rows, each ✓ with its good signal or ⚠ with the gaps and a link to fix each.
 * The state is said in words ("Ready" / "N gaps"), never by colour alone.
 */
export function ReadinessCard({ readiness, canFix }: { readiness: AgentReadiness; canFix: boolean }) {
  const { rows, okCount, total } = readiness;
  return (
    <Card aria-labelledby="agent-readiness">
      <CardHeader
        id="agent-readiness"
        title="Readiness"
        description={
          <>
            <span className="font-semibold text-gray-900" data-testid="readiness-score">
              {okCount}/{total}
            </span>{' '}
            areas of the recovery plan ready.
            {okCount < total
              ? canFix
                ? ' Each gap links to where you fix it.'
                : ' The agent’s owner or an admin fixes the gaps.'
              : ' Nothing to fix.'}
          </>
        }
      />
      <ul className="divide-y divide-gray-200" aria-label="Readiness checklist">
        {rows.map((row) => (
          <li key={row.area} className="flex gap-3 px-4 py-3 sm:px-5" data-area={row.area}>
            {row.ok ? (
              <CircleCheck aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-700" />
            ) : (
              <CircleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-700" />
            )}
            <div className="min-w-0 text-sm">
              <h3 className="font-semibold text-gray-900">
                {row.label}{' '}
                <span className={row.ok ? 'font-normal text-emerald-800' : 'font-normal text-amber-800'}>
                  — {row.ok ? 'Ready' : `${row.gaps.length} ${row.gaps.length === 1 ? 'gap' : 'gaps'}`}
                </span>
              </h3>
              {row.ok ? (
                <p className="mt-0.5 text-gray-700">{row.signal}</p>
              ) : (
                <ul className="mt-1 flex flex-col gap-1">
                  {row.gaps.map((gap) => (
                    <li key={gap.text} className="break-words text-gray-800">
                      {gap.text}{' '}
                      <Link
                        href={gap.href}
                        aria-label={`Fix: ${gap.text}`}
                        className="whitespace-nowrap text-indigo-700 hover:underline"
                      >
                        Fix
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
