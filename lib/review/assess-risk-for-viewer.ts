import { findRisks, toRiskFlags, type RiskFinding, type RiskFlag, type RiskInput } from './assess-risk';

/**
 * assessRisk for a viewer who may not see some fields. Detection runs on the real values, so a changed IBAN or an
 * instruction hidden in a sensitive field is still flagged; causes come from the values as this viewer sees them
 * (`shown`, masked). A cause found only in the real values quotes something masked, so it names where, not what.
 */
export function assessRiskForViewer(input: RiskInput, shown: Pick<RiskInput, 'params' | 'currentValues'>): RiskFlag[] {
  const real = findRisks(input);
  if (shown.params === input.params && shown.currentValues === input.currentValues) return toRiskFlags(real);
  const visible = findRisks({ ...input, ...shown });
  const place = (finding: RiskFinding) => `${finding.code}\u0000${finding.where}`;
  const realPlaces = new Set(real.map(place));
  const visiblePlaces = new Set(visible.map(place));
  return toRiskFlags([
    // A masked value can raise a cause of its own (the mask differs from a value): only real places count.
    ...visible.filter((finding) => realPlaces.has(place(finding))),
    ...real.filter((finding) => !visiblePlaces.has(place(finding))).map(withoutValues),
  ]);
}

function withoutValues(finding: RiskFinding): RiskFinding {
  const where = finding.where ?? 'a sensitive field';
  const cause =
    finding.code === 'changed_payee'
      ? `"${where}" changes (a sensitive field: values hidden from you)`
      : `${where}: in a sensitive field (hidden from you)`;
  return { ...finding, cause };
}
