import type { Tx } from '../db/client';
import type { EngagedSwitch } from '../policy/stop-coverage';
import type { SwitchEffect, SwitchScope } from '../policy/switch-effects';
import { GLOBAL_STOP_ID } from './global-stop';

type SwitchReader = Pick<Tx, 'switch'>;

/**
 * Every engaged switch with when it was engaged, the global stop included (a missing global stop row reads as
 * engaged since ever: fail closed). Engaged switches are few; `engaged` is indexed.
 */
export async function readEngagedStops(reader: SwitchReader, agentId?: string): Promise<EngagedSwitch[]> {
  const rows = await reader.switch.findMany({
    where: { engaged: true, ...(agentId ? { OR: [{ agentId: null }, { agentId }] } : {}) },
    orderBy: [{ engagedAt: 'asc' }, { id: 'asc' }],
  });
  const hasGlobalRow =
    rows.some((row) => row.id === GLOBAL_STOP_ID) ||
    (await reader.switch.findUnique({ where: { id: GLOBAL_STOP_ID }, select: { id: true } })) !== null;
  const stops: EngagedSwitch[] = rows.map((row) => ({
    id: row.id,
    scope: row.scope as SwitchScope,
    effect: row.effect as SwitchEffect,
    agentId: row.agentId,
    toolName: row.toolName,
    reason: row.reason,
    engagedAt: row.engagedAt,
  }));
  if (!hasGlobalRow) {
    stops.unshift({
      id: GLOBAL_STOP_ID,
      scope: 'global',
      effect: 'block',
      agentId: null,
      toolName: null,
      reason: 'the global stop record is missing',
      engagedAt: null,
    });
  }
  return stops;
}
