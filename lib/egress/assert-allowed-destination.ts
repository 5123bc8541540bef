import { invalidInput } from '../errors';
import { destinationProblem } from './destination-problem';

/** Refuses (422, naming the field) a URL whose host is a disallowed address as written; see destinationProblem. */
export function assertAllowedDestination(url: string, field = 'url'): void {
  const problem = destinationProblem(url);
  if (problem) throw invalidInput(`The ${field} is not allowed: ${problem}.`, [{ path: field, message: problem }]);
}
