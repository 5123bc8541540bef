import { StatusBadge } from '@/components/status-badge';
import { Badge } from '@/components/ui/badge';

/** The card's status: "Approved with edits" when the approval was given to a reviewer's edit, not the agent's call. */
export function CardStatus({ status, approvedWithEdits }: { status: string; approvedWithEdits: boolean }) {
  if (status === 'approved' && approvedWithEdits) return <Badge tone="blue">Approved with edits</Badge>;
  return <StatusBadge status={status} />;
}
