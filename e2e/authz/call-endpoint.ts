// One request of the matrix, and how its answer is read: let through, or refused.
import type { Caller } from './callers';
import type { ActionArgs } from './rules';

export type Answer = { status: number; location: string | null; text: string };

/** What a page renders for a role that may not use it (components/access-denied.tsx), in HTML or in an RSC payload. */
const PAGE_REFUSAL = /data-access(="|":")denied/;

/** Server actions' messages that mean "you may not" (or "you are not signed in"), as opposed to any other answer. */
const ACTION_REFUSALS = [
  /Your session has ended/,
  /Not allowed: this needs/,
  /Only the owner of this agent or an admin/,
  /Only admins/,
  /Only a signed-in/,
];

/**
 * The headers of a client-side navigation from the queue: Next then renders only the segments that differ, not the
 * console's layout, so a page that left the session check to the layout would render for anyone (issue 12, item 8).
 */
export const NAVIGATION_FROM_QUEUE = {
  RSC: '1',
  'Next-Url': '/queue',
  // As Chromium sent it when a link was clicked on /queue (Next 16.4): the tree the browser already has.
  'Next-Router-State-Tree': encodeURIComponent(
    JSON.stringify([
      '',
      {
        children: [
          '(console)',
          { children: ['queue', { children: ['__PAGE__', {}, null, null, 0] }, null, null, 0] },
          null,
          null,
          4,
        ],
      },
      null,
      null,
      24,
    ]),
  ),
};

export async function send(
  baseURL: string,
  caller: Caller,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: BodyInit; stream?: boolean } = {},
): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(new URL(path, baseURL), {
    method: init.method ?? 'GET',
    headers: { ...caller.headers, ...init.headers },
    body: init.body,
    redirect: 'manual',
    signal: abort.signal,
  });
  // A stream that was let through never ends: its status and headers are the answer.
  const text = init.stream && response.ok ? `[stream ${response.headers.get('content-type')}]` : await response.text();
  abort.abort();
  return { status: response.status, location: response.headers.get('location'), text };
}

/** The request a browser sends for a server action: JSON arguments, or (previousState = null, formData) as multipart. */
export function serverActionInit(
  actionId: string,
  args: ActionArgs,
): { method: string; headers: Record<string, string>; body: BodyInit } {
  const headers = { 'Next-Action': actionId, Accept: 'text/x-component' };
  if ('json' in args)
    return {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(args.json),
    };
  // React's reply encoding (React 19.3): the form's fields under "_1_<name>", the argument list under "0" pointing
  // at part 1. Should React change it, the allowed callers' calls fail validation here and the matrix says so.
  const form = new FormData();
  for (const [name, value] of Object.entries(args.form)) form.append(`_1_${name}`, value);
  form.append('0', JSON.stringify([null, '$K1']));
  return { method: 'POST', headers, body: form };
}

/** In an RSC payload, `redirect('/sign-in…')` arrives as an error row with this digest instead of an HTTP redirect. */
const RSC_SIGN_IN_REDIRECT = /"digest":"NEXT_REDIRECT;[a-z]+;\/sign-in[?;]/;

export function redirectsToSignIn(answer: Answer, baseURL: string): boolean {
  if (RSC_SIGN_IN_REDIRECT.test(answer.text)) return true;
  return (
    answer.status >= 300 &&
    answer.status < 400 &&
    answer.location !== null &&
    new URL(answer.location, baseURL).pathname === '/sign-in'
  );
}

export type EndpointKind = 'page' | 'route' | 'server action';

/** A refusal: sent to sign-in, an HTTP refusal, the page's "not available to your role", or an action's message. */
export function isRefused(answer: Answer, baseURL: string, kind: EndpointKind): boolean {
  if (redirectsToSignIn(answer, baseURL) || [401, 403, 404].includes(answer.status)) return true;
  if (kind === 'page') return PAGE_REFUSAL.test(answer.text);
  return kind === 'server action' && ACTION_REFUSALS.some((refusal) => refusal.test(answer.text));
}

/** Let through: an answer that is neither a refusal nor a server error. */
export function isLetThrough(answer: Answer, baseURL: string, kind: EndpointKind): boolean {
  return answer.status < 500 && !isRefused(answer, baseURL, kind);
}
