import { OutcomeBadge } from '@/components/outcome-badge';

export type Simulation = {
  outcome: string;
  reasons: string[];
  approvalsRequired: number;
  paramIssues: { path: string; message: string }[];
  requester:
    | { status: 'none' }
    | { status: 'invalid'; error: string }
    | { status: 'verified'; subject: string; roles: string[] };
};

/** The simulated outcome and every reason in the gate's order; states that nothing was recorded. */
export function SimulatorResult({ simulation }: { simulation: Simulation }) {
  const { requester } = simulation;
  return (
    <div
      role="status"
      aria-label="Simulation result"
      className="flex flex-col gap-3 rounded-md border border-gray-200 bg-gray-50 p-3 text-sm text-gray-900"
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Outcome</span>
        <OutcomeBadge outcome={simulation.outcome} />
        {simulation.approvalsRequired > 0 ? (
          <span className="text-gray-700">{simulation.approvalsRequired} approval(s) required</span>
        ) : null}
      </p>
      <div>
        <h4 className="font-medium">Reasons</h4>
        <ol className="mt-1 list-decimal pl-5">
          {simulation.reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ol>
      </div>
      {simulation.paramIssues.length > 0 ? (
        <div>
          <h4 className="font-medium">Parameter problems</h4>
          <ul className="mt-1 list-disc pl-5">
            {simulation.paramIssues.map((issue) => (
              <li key={issue.path + issue.message}>
                <code className="font-mono text-xs">{issue.path}</code> {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-gray-700">
        Requester:{' '}
        {requester.status === 'verified'
          ? `acting for ${requester.subject} (verified${requester.roles.length ? `; roles ${requester.roles.join(', ')}` : ''})`
          : requester.status === 'invalid'
            ? `assertion rejected: ${requester.error}`
            : 'none given'}
      </p>
      <p className="text-xs text-gray-600">
        Simulated on the current state: no action, audit event or counter was recorded.
      </p>
    </div>
  );
}
