import { deliverDueNotifications } from '../notifications/deliver-due-notifications';
import type { JobStep } from './job-step';

/** Sends the deliveries that are due, with the retry schedule (lib/notifications/deliver-due-notifications.ts). */
export const notificationDeliveryStep: JobStep = {
  name: 'notification delivery',
  run: ({ settings }) => deliverDueNotifications({ retry: settings.retry, timeoutMs: settings.timeoutMs }),
};
