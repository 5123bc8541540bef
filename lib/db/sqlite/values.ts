/** Values as Prisma's SQLite adapter stores them, so rows written on the driver read back the same through Prisma. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value === undefined ? null : value;
}
