// The pieces the operations of the agent API share: references to the document's schemas, request bodies, and the
// error responses every route can give.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (name: string, example?: unknown) => ({
  'application/json': { schema: ref(name), ...(example === undefined ? {} : { example }) },
});
export const error = (description: string) => ({ description, content: json('Error') });
export const body = (name: string, example: unknown, required = true) => ({ required, content: json(name, example) });
export const actionId = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The action id from the proposal.',
};

export const UNAUTHENTICATED = error('Missing, unknown, expired or revoked agent key.');
export const NOT_YOURS = error("No such action for this agent (another agent's action looks the same).");
export const INVALID = error(
  'Invalid input; `error.issues` names each field. Refused before parsing: invalid UTF-8, nesting deeper than 32 levels, a key twice in one object, the keys __proto__/constructor/prototype, U+0000, lone surrogates, numbers beyond ±1e308 or integers beyond ±2^53, more than 1,000 keys in an object, 10,000 items in an array or 100,000 characters in a string.',
);
export const TOO_LARGE = error(
  'The body is over the limit (256 KiB by default; `error.limitBytes` says how many bytes). Nothing was recorded.',
);
