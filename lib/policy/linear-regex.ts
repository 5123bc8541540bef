import { RE2JS } from 're2js';

/**
 * Owner-written patterns (grant constraints, tool schemas' `pattern`) run on agent-supplied text, so they run on RE2
 * (re2js): matching is linear in the input, never exponential like a backtracking engine on `(\w+\s?)+`. RE2 has no
 * backreferences or lookaround; such patterns do not compile and are refused when saved. Pure and client-safe.
 */

/** Longer values are not tested at all: the check fails (closed), so a huge value cannot make the gate slow. */
export const MAX_PATTERN_INPUT = 10_000;

export type LinearRegex = { test: (text: string) => boolean; toString: () => string };

/** Compiles `pattern` for whole-value (`anchored`) or search matching; throws a message naming what RE2 refuses. */
export function compileLinearRegex(pattern: string, options: { anchored: boolean }): LinearRegex {
  const compiled = RE2JS.compile(pattern);
  return {
    test: (text) =>
      text.length <= MAX_PATTERN_INPUT && (options.anchored ? compiled.matches(text) : compiled.matcher(text).find()),
    // Ajv keys its compiled patterns by toString(): each pattern needs its own, or every schema would share the first.
    toString: () => `/${pattern}/${options.anchored ? ' (whole value)' : ''}`,
  };
}

/** Null when RE2 accepts the pattern; otherwise why not, in words for the owner. */
export function linearRegexProblem(pattern: string): string | null {
  try {
    RE2JS.compile(pattern);
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return `pattern cannot be used: ${detail} (backreferences and lookaround are not supported)`;
  }
}
