import { listMcpServers } from '@/lib/mcp/list-mcp-servers';
import { refreshMcpServer } from '@/lib/mcp/refresh-mcp-server';
import { registerMcpServer } from '@/lib/mcp/register-mcp-server';
import { cliActor, parseFlags, UsageError, type Command } from './command';

/**
 * The URL as the console's audit records it: origin and path. A query string may carry a token the admin put there,
 * so it is shown only as "?…"; the credential itself is never read back (only whether one is set).
 */
function shownUrl(text: string): string {
  const url = new URL(text);
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

/** The one positional argument (the server's name) before any flags. */
function nameArgument(args: string[], usage: string): { name: string; rest: string[] } {
  const [name, ...rest] = args;
  if (!name || name.startsWith('-')) throw new UsageError(`missing the server's name: ${usage}`);
  return { name, rest };
}

async function serverNamed(name: string) {
  const found = (await listMcpServers(cliActor)).find((s) => s.name === name);
  if (!found) throw new Error(`no MCP server named "${name}" (see: mcp-servers list)`);
  return found;
}

export const mcpServerCommands: Command[] = [
  {
    name: 'mcp-servers list',
    usage: '   (name url status tools=N pending=N credential=set|none refreshed=TIME|never [error=…])',
    async run(args) {
      parseFlags(args, {});
      for (const s of await listMcpServers(cliActor)) {
        const fields = [
          s.name,
          shownUrl(s.url),
          s.status,
          `tools=${s.tools.length}`,
          `pending=${s.pending.length}`,
          `credential=${s.hasCredentials ? 'set' : 'none'}`,
          `refreshed=${s.lastRefreshAt ?? 'never'}`,
        ];
        if (s.lastError) fields.push(`error=${JSON.stringify(s.lastError)}`);
        console.log(fields.join(' '));
      }
    },
  },
  {
    name: 'mcp-servers refresh',
    usage: 'NAME   (lists its tools again; changes wait on /mcp-servers for an admin to accept)',
    async run(args) {
      const { name, rest } = nameArgument(args, 'mcp-servers refresh NAME');
      parseFlags(rest, {});
      const { server, changes } = await refreshMcpServer(cliActor, (await serverNamed(name)).id);
      const of = (kind: string) =>
        changes
          .filter((c) => c.kind === kind)
          .map((c) => c.upstreamName)
          .join(',') || '-';
      console.log(
        `${server.name} ${server.status} added=${of('added')} changed=${of('changed')} removed=${of('removed')}`,
      );
      // Recorded all the same (the console shows it); a script must still learn the upstream did not answer.
      if (server.status !== 'ok')
        throw new Error(`${server.name} could not be listed: ${server.lastError ?? 'unknown'}`);
    },
  },
  {
    name: 'mcp-servers register',
    usage:
      '--name N --url U [--credential-env VAR]   (the bearer token is read from $VAR, never from the command line)',
    async run(args) {
      const o = parseFlags(
        args,
        { name: { type: 'string' }, url: { type: 'string' }, 'credential-env': { type: 'string' } },
        ['name', 'url'],
      );
      const variable = o['credential-env'] as string | undefined;
      const credentials = variable ? process.env[variable] : undefined;
      if (variable && !credentials) throw new UsageError(`--credential-env: $${variable} is empty or not set`);
      const server = await registerMcpServer(cliActor, { name: o.name as string, url: o.url as string, credentials });
      console.log(`${server.name} ${server.status} pending=${(await serverNamed(server.name)).pending.length}`);
      if (server.status !== 'ok')
        throw new Error(`${server.name} is registered but could not be listed: ${server.lastError ?? 'unknown'}`);
    },
  },
];
