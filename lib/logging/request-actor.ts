import { currentRequestContext } from './create-logger.cjs';

/**
 * Tells the request log who is calling, once the code serving the request knows (an agent's key checked, a session
 * read). The server (scripts/server.mjs) keeps a context per request in an AsyncLocalStorage on globalThis and writes
 * the line when the response closes: Next's public API gives a custom server no other way to learn what the route
 * decided, and a response header would have to be stripped before sending. Ids only — never a key or an e-mail.
 * Outside that server (CLI, tests) there is no context and this does nothing.
 */
export function noteRequestActor(actor: { type: 'agent' | 'user'; id: string }): void {
  const context = currentRequestContext();
  if (context) context.actor = { type: actor.type, id: actor.id };
}
