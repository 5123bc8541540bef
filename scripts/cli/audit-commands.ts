import type { Command } from './command';

/** `audit …` commands (verification and export of the audit chain). */
export const auditCommands: Command[] = [];
