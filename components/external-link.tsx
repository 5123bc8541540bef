import { ExternalLink as ExternalLinkIcon } from 'lucide-react';
import { InertText } from './inert-text';

/**
 * A link supplied by an agent. Only http(s) becomes a link (no javascript:, data:, …); it opens in a new tab
 * without referrer or opener, and is marked nofollow. Anything else is shown as plain text.
 * The text is the full URL the browser will open (WHATWG-normalized: look-alike hosts appear as punycode, hidden
 * characters percent-encoded), never a title the agent chose.
 */
export function ExternalLink({ href }: { href: string }) {
  const url = httpUrl(href);
  if (!url) return <InertText text={href} className="break-all text-gray-700" />;
  return (
    <a
      href={url}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="inline-flex items-start gap-1 break-all text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900"
    >
      <InertText text={url} />
      <ExternalLinkIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
    </a>
  );
}

function httpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
