import { STATUS_LABELS, type ActionStatus } from '@/lib/policy/action-status';
import { Badge, type BadgeTone } from './ui/badge';

const STATUS_TONES: Record<ActionStatus, BadgeTone> = {
  pending_review: 'amber',
  approved: 'blue',
  executing: 'blue',
  succeeded: 'green',
  rejected: 'red',
  blocked: 'red',
  failed: 'red',
  expired: 'gray',
  draft: 'violet',
};

export function StatusBadge({ status }: { status: string }) {
  const known = status in STATUS_LABELS ? (status as ActionStatus) : null;
  return <Badge tone={known ? STATUS_TONES[known] : 'gray'}>{known ? STATUS_LABELS[known] : status}</Badge>;
}
