import { BlockList, isIP } from 'node:net';

/**
 * WARDEN_EGRESS_ALLOW: destinations an admin lets Warden reach although they are private (a receiver on this host or
 * the office network). Comma-separated entries:
 *   `10.1.2.3` or `10.0.0.0/8` or `fd00::/8`  — addresses (checked on the resolved address)
 *   `hooks.internal:8443` — that host name on that port;  `hooks.internal` — that host name on any port
 * Host names are matched as written in the channel's URL (lower-cased); their resolved addresses are then trusted.
 */
export type EgressAllowList = { addresses: BlockList; hosts: Set<string> };

export function parseEgressAllowList(text: string | undefined): EgressAllowList {
  const addresses = new BlockList();
  const hosts = new Set<string>();
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [network = '', prefix] = entry.split('/');
    const bare = network.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(bare);
    if (family !== 0) {
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32))
        throw new Error(`WARDEN_EGRESS_ALLOW: bad prefix in "${raw.trim()}"`);
      addresses.addSubnet(bare, bits, family === 6 ? 'ipv6' : 'ipv4');
    } else if (/^[a-z0-9.-]+(:\d{1,5})?$/.test(entry)) {
      hosts.add(entry);
    } else {
      throw new Error(`WARDEN_EGRESS_ALLOW: cannot read "${raw.trim()}" (an address, a CIDR range, host or host:port)`);
    }
  }
  return { addresses, hosts };
}

export function allowsHost(allow: EgressAllowList, hostname: string, port: string): boolean {
  const host = hostname.toLowerCase();
  return allow.hosts.has(host) || allow.hosts.has(`${host}:${port}`);
}

export function allowsAddress(allow: EgressAllowList, address: string): boolean {
  return allow.addresses.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

let cached: { text: string | undefined; allow: EgressAllowList } | null = null;

/** The allow-list from the environment (read again if the variable changes, e.g. in tests). */
export function egressAllowList(): EgressAllowList {
  const text = process.env.WARDEN_EGRESS_ALLOW;
  if (!cached || cached.text !== text) cached = { text, allow: parseEgressAllowList(text) };
  return cached.allow;
}
