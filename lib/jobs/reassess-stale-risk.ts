import { reassessPendingRisk } from '../actions/reassess-pending-risk';
import type { JobStep } from './job-step';

/** Pending actions whose risk was assessed under older rules are assessed again (lib/actions/reassess-pending-risk.ts). */
export const reassessStaleRiskStep: JobStep = {
  name: 'risk of older pending actions',
  run: () => reassessPendingRisk(),
};
