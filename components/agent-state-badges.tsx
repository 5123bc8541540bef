import { Badge } from './ui/badge';

export function AgentStatusBadge({ status }: { status: string }) {
  return status === 'paused' ? <Badge tone="amber">Paused</Badge> : <Badge tone="green">Active</Badge>;
}

export function AgentModeBadge({ mode }: { mode: string }) {
  return mode === 'draft_only' ? <Badge tone="violet">Draft-only</Badge> : <Badge tone="blue">Live</Badge>;
}
