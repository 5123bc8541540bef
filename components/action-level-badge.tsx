import { createLucideIcon } from 'lucide-react';
import { ACTION_LEVEL_LABELS, isWriteLevel, type ActionLevel } from '@/lib/policy/action-levels';
import { Badge } from './ui/badge';

/**
 * What a tool does, as a standing property of the tool: its level, and for a write that cannot be undone a small
 * "no rollback" mark. Red and amber are kept for risk flags (components/risk-flag-badge.tsx), which vary per
 * proposal; a level is the same on every call of a tool, so it gets quiet colours of its own.
 * `supportsRollback` left out means not known here: no mark rather than a guess.
 */
export function ActionLevelBadge({
  level,
  supportsRollback,
}: {
  level: string | null;
  supportsRollback?: boolean | null;
}) {
  if (!level || !(level in ACTION_LEVEL_LABELS)) return <Badge tone="gray">Unknown</Badge>;
  const known = level as ActionLevel;
  const tone = known === 'external' ? 'violet' : isWriteLevel(known) ? 'blue' : 'gray';
  const noRollback = isWriteLevel(known) && supportsRollback === false;
  return (
    <Badge
      tone={tone}
      data-level={known}
      data-rollback={noRollback ? 'none' : undefined}
      title={noRollback ? `${ACTION_LEVEL_LABELS[known]}: the tool cannot roll this back` : undefined}
      className="gap-1"
    >
      {ACTION_LEVEL_LABELS[known]}
      {noRollback ? (
        <>
          <UndoOff aria-hidden className="size-3.5 shrink-0" strokeWidth={2.25} />
          <span className="sr-only">, no rollback</span>
        </>
      ) : null}
    </Badge>
  );
}

/** Lucide's undo arrow, struck through the way its "-off" icons are. */
const UndoOff = createLucideIcon('undo-off', [
  ['path', { d: 'M9 14 4 9l5-5', key: 'arrow' }],
  ['path', { d: 'M4 9h10.5a5.5 5.5 0 0 1 5.5 5.5a5.5 5.5 0 0 1-5.5 5.5H11', key: 'curve' }],
  ['path', { d: 'm2 2 20 20', key: 'strike' }],
]);
