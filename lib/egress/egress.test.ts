import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { disallowedAddressReason } from './address-policy';
import { destinationProblem } from './destination-problem';
import { parseEgressAllowList } from './egress-allow-list';
import { EgressRefusedError, postToAllowedAddress } from './post-to-allowed-address';

describe('disallowedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback address'],
    ['169.254.169.254', 'link-local (cloud metadata) address'],
    ['10.1.2.3', 'private address'],
    ['172.31.255.255', 'private address'],
    ['192.168.0.1', 'private address'],
    ['100.64.0.1', 'carrier-grade NAT address'],
    ['0.0.0.0', 'this network address'],
    ['224.0.0.1', 'multicast address'],
    ['255.255.255.255', 'reserved address'],
    ['::1', 'loopback address'],
    ['::', 'unspecified address'],
    ['fc00::1', 'unique local address'],
    ['fd12:3456::1', 'unique local address'],
    ['fe80::1', 'link-local address'],
    ['ff02::1', 'multicast address'],
    ['::ffff:127.0.0.1', 'loopback address'],
    ['::ffff:a9fe:a9fe', 'link-local (cloud metadata) address'],
  ])('%s is refused (%s)', (address, reason) => {
    expect(disallowedAddressReason(address)).toBe(reason);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '172.32.0.1', '100.128.0.1'])('%s is public', (address) => {
    expect(disallowedAddressReason(address)).toBeNull();
  });
});

describe('destinationProblem: literal addresses in every form the URL parser accepts', () => {
  const original = process.env.WARDEN_EGRESS_ALLOW;
  afterEach(() => {
    process.env.WARDEN_EGRESS_ALLOW = original;
  });

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0x7f.1/',
    'http://017700000001/',
    'http://0177.0.0.1/',
    'http://127.1/',
    'http://0/',
    'http://169.254.169.254/latest/meta-data/',
    'https://[::1]:8443/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[fd00::5]/',
    'http://10.0.0.7:6379/',
    'http://localhost:5432/',
    'http://db.localhost/',
  ])('%s is refused', (url) => {
    delete process.env.WARDEN_EGRESS_ALLOW;
    expect(destinationProblem(url)).toMatch(/not allowed/);
  });

  it('public addresses and host names pass (names are checked again at send time)', () => {
    delete process.env.WARDEN_EGRESS_ALLOW;
    expect(destinationProblem('https://hooks.slack.com/services/T0/B0/x')).toBeNull();
    expect(destinationProblem('http://93.184.215.14/')).toBeNull();
  });

  it('the allow-list lets an address, a range or a host:port through', () => {
    process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1, 10.0.0.0/8, localhost:8080';
    expect(destinationProblem('http://127.0.0.1:3000/')).toBeNull();
    expect(destinationProblem('http://10.9.8.7/')).toBeNull();
    expect(destinationProblem('http://localhost:8080/')).toBeNull();
    expect(destinationProblem('http://localhost:8081/')).toMatch(/not allowed/);
    expect(destinationProblem('http://127.0.0.2/')).toMatch(/not allowed/);
  });

  it('an unreadable allow-list entry is an error, not an open door', () => {
    expect(() => parseEgressAllowList('10.0.0.0/99')).toThrow(/bad prefix/);
    expect(() => parseEgressAllowList('http://x/')).toThrow(/cannot read/);
  });
});

describe('postToAllowedAddress: checked on the resolved address, connected to it', () => {
  let server: Server;
  let port: number;
  let hits = 0;
  const original = process.env.WARDEN_EGRESS_ALLOW;
  beforeAll(async () => {
    server = createServer((request, response) => {
      hits += 1;
      request.resume();
      response
        .writeHead(request.url === '/moved' ? 302 : 500, { location: 'http://169.254.169.254/' })
        .end('secret body');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    process.env.WARDEN_EGRESS_ALLOW = original;
  });
  const post = (url: string) => postToAllowedAddress(url, { headers: {}, body: '{}', timeoutMs: 3000 });

  it('refuses a loopback literal and a name resolving to loopback, sending nothing', async () => {
    delete process.env.WARDEN_EGRESS_ALLOW;
    const before = hits;
    await expect(post(`http://127.0.0.1:${port}/`)).rejects.toBeInstanceOf(EgressRefusedError);
    await expect(post(`http://2130706433:${port}/`)).rejects.toBeInstanceOf(EgressRefusedError);
    await expect(post(`http://localhost:${port}/`)).rejects.toBeInstanceOf(EgressRefusedError);
    expect(hits).toBe(before);
  });

  it('posts to an allowed address and answers the status without following redirects', async () => {
    process.env.WARDEN_EGRESS_ALLOW = '127.0.0.1';
    await expect(post(`http://localhost:${port}/`)).resolves.toBe(500);
    await expect(post(`http://127.0.0.1:${port}/moved`)).resolves.toBe(302);
  });
});
