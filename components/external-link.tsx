import { ExternalLink as ExternalLinkIcon } from 'lucide-react';

/**
 * A link supplied by an agent. Only http(s) becomes a link (no javascript:, data:, …); it opens in a new tab
 * without referrer or opener, and is marked nofollow. Anything else is shown as plain text.
 */
export function ExternalLink({ href }: { href: string }) {
  if (!isHttpUrl(href)) return <span className="break-all text-gray-700">{href}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className="inline-flex items-start gap-1 break-all text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:text-indigo-900"
    >
      {href}
      <ExternalLinkIcon aria-hidden className="mt-0.5 size-3.5 shrink-0" />
    </a>
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
