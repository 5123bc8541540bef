import { escalateOverdueActions } from '../actions/escalate-by-ladder';
import { recordEscalations } from '../metrics/record-background-changes';
import type { JobStep } from './job-step';

/** Takes each waiting action's due step on its grant's escalation ladder (lib/actions/escalate-by-ladder.ts). */
export const escalationLadderStep: JobStep = {
  name: 'escalation ladder',
  run: async () => {
    const escalated = await escalateOverdueActions();
    recordEscalations(escalated);
    return escalated;
  },
};
