/** What people see in place of a sensitive value: the same everywhere (cards, diffs, exports), never the value. */
export const MASK = '••••••';
