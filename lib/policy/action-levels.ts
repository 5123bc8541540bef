/**
 * Action levels, from least to most impact. Reads and drafts change nothing outside Warden's reviewer;
 * create/update/external change the world and get the strictest controls (draft-only mode turns them into drafts).
 */
export const ACTION_LEVELS = ['read', 'draft', 'classify', 'create', 'update', 'external'] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];

const WRITE_LEVELS: ReadonlySet<ActionLevel> = new Set(['create', 'update', 'external']);

export function isWriteLevel(level: ActionLevel): boolean {
  return WRITE_LEVELS.has(level);
}

export const ACTION_LEVEL_LABELS: Record<ActionLevel, string> = {
  read: 'Read',
  draft: 'Draft',
  classify: 'Classify',
  create: 'Create',
  update: 'Update',
  external: 'External',
};
