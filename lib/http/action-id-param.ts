import { WardenError } from '../errors';

/**
 * An action id from the path. Ids are UUIDs; anything that could not be one (a NUL, which PostgreSQL refuses in a
 * query parameter, or any non-ASCII or overlong text) is answered as what it is, no such action, before any query.
 */
export function actionIdParam(id: string): string {
  if (!/^[\x21-\x7e]{1,100}$/.test(id)) throw new WardenError('not_found', 'No such action.');
  return id;
}
