import { fanOutNotifications } from '../notifications/fan-out-notifications';
import type { JobStep } from './job-step';

/** New audit events → deliveries, under the `notifier` WorkerCursor lease (lib/notifications/fan-out-notifications.ts). */
export const notificationFanOutStep: JobStep = {
  name: 'notification fan-out',
  run: ({ owner, settings }) =>
    fanOutNotifications(owner, { baseUrl: settings.publicBaseUrl, gapGraceMs: settings.gapGraceMs }),
};
