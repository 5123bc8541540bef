import { STATUS_LABELS, type ActionStatus } from '@/lib/policy/action-status';
import { StatusBadge } from './status-badge';
import { Badge } from './ui/badge';

/** A gate outcome: the statuses an action can get, plus the two that create no action (throttled, invalid parameters). */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  if (outcome in STATUS_LABELS) return <StatusBadge status={outcome as ActionStatus} />;
  if (outcome === 'throttled') return <Badge tone="amber">Throttled</Badge>;
  if (outcome === 'invalid_params') return <Badge tone="red">Invalid parameters</Badge>;
  return <Badge tone="gray">{outcome}</Badge>;
}
