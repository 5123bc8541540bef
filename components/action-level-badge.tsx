import { ACTION_LEVEL_LABELS, isWriteLevel, type ActionLevel } from '@/lib/policy/action-levels';
import { Badge } from './ui/badge';

/** Levels that change the outside world stand out; reads and drafts stay quiet. */
export function ActionLevelBadge({ level }: { level: string | null }) {
  if (!level || !(level in ACTION_LEVEL_LABELS)) return <Badge tone="gray">Unknown</Badge>;
  const known = level as ActionLevel;
  const tone = known === 'external' ? 'red' : isWriteLevel(known) ? 'amber' : 'gray';
  return <Badge tone={tone}>{ACTION_LEVEL_LABELS[known]}</Badge>;
}
