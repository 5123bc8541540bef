import { auditSealingBackstopStep } from './audit-sealing-backstop';
import { auditVerificationStep } from './audit-verification';
import { escalationLadderStep } from './escalation-ladder';
import { expireOverdueActionsStep } from './expire-overdue-actions';
import type { JobStep } from './job-step';
import { notificationDeliveryStep } from './notification-delivery';
import { notificationFanOutStep } from './notification-fan-out';
import { reassessStaleRiskStep } from './reassess-stale-risk';
import { runApprovedMcpTasksStep } from './run-approved-mcp-tasks';

/**
 * The loop's steps, in the order of one tick. Deadlines first, so an overdue action is expired before the ladder
 * could escalate it; approved MCP tasks run after both; fan-out after them, so their audit events are delivered in
 * the same tick.
 */
export const JOB_STEPS: readonly JobStep[] = [
  expireOverdueActionsStep,
  reassessStaleRiskStep,
  escalationLadderStep,
  runApprovedMcpTasksStep,
  notificationFanOutStep,
  notificationDeliveryStep,
  auditSealingBackstopStep,
  auditVerificationStep,
];
