import { startDemoCrmServer } from './demo-mcp/crm-server';

/**
 * The demo upstream MCP server (a small CRM / ticketing server on the official SDK), for registering in Warden:
 *   npx tsx scripts/demo-mcp-server.ts [port]     (DEMO_MCP_TOKEN: the bearer token it requires, if any)
 */
async function main() {
  const port = Number(process.argv[2] ?? process.env.DEMO_MCP_PORT ?? 3901);
  const server = await startDemoCrmServer({ port, token: process.env.DEMO_MCP_TOKEN || undefined });
  console.log(`demo CRM MCP server listening on ${server.url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
