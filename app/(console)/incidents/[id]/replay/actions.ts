'use server';

import { replayIncident } from '@/lib/incidents/replay-incident';
import { replayIncidentSchema, type ReplayIncidentInput } from '@/lib/incidents/timeline/schemas';
import { runAsUser } from '../../../run-as-user';

/** Replay: the window's proposals of one grant under its edited rules. Records nothing. */
export async function replayIncidentAction(input: ReplayIncidentInput) {
  return runAsUser(async (actor) => replayIncident(actor, replayIncidentSchema.parse(input)));
}
