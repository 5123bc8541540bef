import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { disallowedAddressReason, ipLiteralOf } from './address-policy';
import { allowsAddress, allowsHost, egressAllowList } from './egress-allow-list';

/** The destination resolved to (or is) an address outside the egress policy; nothing was sent. */
export class EgressRefusedError extends Error {
  constructor(detail: string) {
    super(`egress refused: ${detail}`);
    this.name = 'EgressRefusedError';
  }
}

/**
 * POSTs `body` and answers the HTTP status, after checking where it goes: the host name is resolved once, every
 * address it resolves to must be public (or allowed by WARDEN_EGRESS_ALLOW), and the socket connects to exactly those
 * checked addresses (the `lookup` hook hands them to the connection), so a second DNS answer cannot swap in a private
 * address between check and connect (DNS rebinding). Redirects are never followed: the status is returned as is.
 */
export async function postToAllowedAddress(
  urlText: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<number> {
  const url = new URL(urlText);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new EgressRefusedError(`scheme ${url.protocol}`);
  const allow = egressAllowList();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const trustedName = allowsHost(allow, url.hostname, port);
  const check = (address: string) => {
    if (trustedName || allowsAddress(allow, address)) return;
    const reason = disallowedAddressReason(address);
    if (reason) throw new EgressRefusedError(`${url.hostname} is a ${reason} (${address})`);
  };
  // Node connects to an IP literal without calling `lookup`, so a literal is checked here.
  const literal = ipLiteralOf(url.hostname);
  if (literal) check(literal);

  const lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      try {
        if (addresses.length === 0) throw new EgressRefusedError(`${hostname} has no address`);
        addresses.forEach(({ address }) => check(address));
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      const [first] = addresses;
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else if (first) callback(null, first.address, first.family);
    });
  };

  const options: RequestOptions = {
    method: 'POST',
    headers: { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) },
    lookup,
    agent: false,
    signal: AbortSignal.timeout(init.timeoutMs),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<number>((resolve, reject) => {
    const request = send(url, options, (response) => {
      response.resume(); // the receiver's answer is not needed; free the socket
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}
