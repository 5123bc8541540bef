import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { IncidentSeverity, IncidentStatus } from '@/lib/incidents/schemas';

const SEVERITY_TONE: Record<IncidentSeverity, BadgeTone> = {
  critical: 'red',
  high: 'red',
  medium: 'amber',
  low: 'gray',
};

export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  return (
    <Badge tone={SEVERITY_TONE[severity] ?? 'gray'} className="capitalize">
      {severity}
    </Badge>
  );
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return status === 'open' ? <Badge tone="amber">Open</Badge> : <Badge tone="green">Closed</Badge>;
}
