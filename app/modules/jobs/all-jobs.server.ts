import { outboxDispatchJob } from "#app/modules/email/dispatch-outbox.server.ts";
import { reminderJob } from "#app/modules/labo-registrations/send-reminders.server.ts";
import { notificationFanOutJob } from "#app/modules/notifications/fan-out-notifications.server.ts";
import { notificationEmailJob } from "#app/modules/notification-emails/send-notification-emails.server.ts";
import { dailyDigestJob, weeklyDigestJob } from "#app/modules/notification-emails/send-notification-digests.server.ts";
import { purgeJob } from "#app/modules/privacy/purge-expired-data.server.ts";
import type { ScheduledJob } from "./scheduled-jobs.server.ts";

/** Every recurring job the app runs; `app/server.ts` starts a scheduler over this list. */
export const ALL_JOBS: ScheduledJob[] = [outboxDispatchJob, reminderJob, purgeJob, notificationFanOutJob, notificationEmailJob, dailyDigestJob, weeklyDigestJob];
