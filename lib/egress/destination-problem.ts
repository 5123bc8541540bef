import { disallowedAddressReason, ipLiteralOf } from './address-policy';
import { allowsAddress, allowsHost, egressAllowList } from './egress-allow-list';

/**
 * Checked when a channel is saved: a URL whose host is itself a disallowed address (an IP literal, in any form the
 * URL parser accepts, or `localhost`) is refused at once, naming why. Host names are checked again at every send,
 * on the addresses they resolve to then (see post-to-allowed-address.ts).
 */
export function destinationProblem(urlText: string): string | null {
  let url: URL;
  try {
    url = new URL(urlText);
  } catch {
    return null; // the URL's own validation names this
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const allow = egressAllowList();
  if (allowsHost(allow, url.hostname, port)) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'URL points at this server (localhost): not allowed';
  const literal = ipLiteralOf(url.hostname);
  if (!literal || allowsAddress(allow, literal)) return null;
  const reason = disallowedAddressReason(literal);
  return reason ? `URL points at a ${reason}: not allowed (see WARDEN_EGRESS_ALLOW)` : null;
}
