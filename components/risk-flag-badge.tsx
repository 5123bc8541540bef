import { Info, OctagonAlert, TriangleAlert } from 'lucide-react';
import type { RiskFlagCode, RiskSeverity } from '@/lib/review/assess-risk';
import { Badge, type BadgeTone } from './ui/badge';

/** Colour says how much a flag matters: red only for what should stop a reviewer, so red keeps its meaning. */
export const RISK_SEVERITY_TONES: Record<RiskSeverity, BadgeTone> = { high: 'red', medium: 'amber', low: 'gray' };

// The icon repeats the severity for people who do not see the colour.
const ICONS = { high: OctagonAlert, medium: TriangleAlert, low: Info } as const;

/** One kind of risk; its causes (the agent's text, quoted) on hover. React escapes the title, so it stays text. */
export function RiskFlagBadge({
  code,
  label,
  severity,
  causes,
}: {
  code: RiskFlagCode;
  label: string;
  severity: RiskSeverity;
  causes?: string[];
}) {
  const Icon = ICONS[severity];
  return (
    <Badge
      tone={RISK_SEVERITY_TONES[severity]}
      data-risk={code}
      data-severity={severity}
      title={causes?.length ? causes.join('\n') : undefined}
      className="gap-1"
    >
      <Icon aria-hidden className="size-3 shrink-0" />
      {label}
    </Badge>
  );
}
