/**
 * Headers on every response. The pages' Content-Security-Policy (with a per-request nonce) is set in proxy.ts; API
 * answers are JSON, so they get a policy that allows nothing. HSTS only when the request came over TLS (Warden runs
 * behind a TLS-terminating proxy that sets X-Forwarded-Proto): browsers ignore HSTS over http, and sending it on a
 * local http install would do nothing useful. No includeSubDomains or preload: other hosts of the domain are not ours
 * to pin.
 */
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native drivers and Prisma's adapters stay plain Node modules, loaded at run time rather than bundled.
  serverExternalPackages: ['better-sqlite3', 'pg', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg'],
  poweredByHeader: false,
  typedRoutes: false,
  // Same number as proxy.ts's SERVER_ACTION_BODY_LIMIT, which answers 413 before Next would answer 500.
  experimental: { serverActions: { bodySizeLimit: '1mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=31536000' }],
      },
    ];
  },
};

module.exports = nextConfig;
