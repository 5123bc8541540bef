/** How a registered server is shown and returned: never its credential, only whether one is set. */
export type McpServerView = {
  id: string;
  name: string;
  url: string;
  hasCredentials: boolean;
  status: string;
  lastError: string | null;
  lastRefreshAt: string | null;
};

export function mcpServerView(row: {
  id: string;
  name: string;
  url: string;
  credentials: string | null;
  status: string;
  lastError: string | null;
  lastRefreshAt: Date | null;
}): McpServerView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    hasCredentials: row.credentials !== null,
    status: row.status,
    lastError: row.lastError,
    lastRefreshAt: row.lastRefreshAt?.toISOString() ?? null,
  };
}
