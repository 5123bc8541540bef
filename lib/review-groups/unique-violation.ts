/** Prisma's "unique constraint failed": the database caught a race the check before the write could not. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
