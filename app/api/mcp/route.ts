import { handleMcpRequest } from '@/lib/mcp/handle-mcp-request';

export const dynamic = 'force-dynamic';

// Warden as an MCP server (streamable HTTP, stateless): the agent's key as the bearer token; see lib/mcp/.
export const POST = handleMcpRequest;
export const GET = handleMcpRequest;
export const DELETE = handleMcpRequest;
