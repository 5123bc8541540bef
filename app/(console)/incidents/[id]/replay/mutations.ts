'use server';

import { replayIncident } from '@/lib/incidents/replay-incident';
import { replayIncidentSchema } from '@/lib/incidents/timeline/schemas';
import { defineMutation } from '../../../define-mutation';

/** Replay: the window's proposals of one grant under its edited rules. Records nothing. */
export const replayIncidentMutation = defineMutation({
  name: 'replayIncidentMutation',
  input: replayIncidentSchema,
  run: (actor, input) => replayIncident(actor, input),
});
