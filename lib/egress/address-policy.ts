import { BlockList, isIP } from 'node:net';

/**
 * Where Warden's outbound requests (notification channels) may not go: this host, its network and the cloud's
 * metadata service. An admin can point a channel at any URL, so without this a channel is a probe into the private
 * network (SSRF). IPv4-mapped IPv6 (::ffff:127.0.0.1) is matched by the IPv4 ranges (node's BlockList does so).
 */
const RANGES: [name: string, network: string, prefix: number][] = [
  ['this network', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['carrier-grade NAT', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local (cloud metadata)', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['IETF protocol assignments', '192.0.0.0', 24],
  ['private', '192.168.0.0', 16],
  ['benchmarking', '198.18.0.0', 15],
  ['multicast', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['unique local', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['multicast', 'ff00::', 8],
];

const LISTS = RANGES.map(([name, network, prefix]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, isIP(network) === 6 ? 'ipv6' : 'ipv4');
  return { name, list };
});

/** Why `address` (an IP literal) is not a public destination, or null when it is. Anything unparsable is refused. */
export function disallowedAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const type = family === 6 ? 'ipv6' : 'ipv4';
  const hit = LISTS.find(({ list }) => list.check(address, type));
  return hit ? `${hit.name} address` : null;
}

/** The IP literal a URL's host names ("[::1]" → "::1"), or null for a DNS name. The URL parser has already turned
 * decimal, hex and octal IPv4 forms ("2130706433", "0x7f.1") into dotted quads. */
export function ipLiteralOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}
