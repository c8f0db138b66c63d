import { reminderJob } from "#app/modules/labo-registrations/send-reminders.server.ts";
import { purgeJob } from "#app/modules/privacy/purge-expired-data.server.ts";
import type { ScheduledJob } from "./scheduled-jobs.server.ts";

/** Every recurring job the app runs; `app/server.ts` starts a scheduler over this list. */
export const ALL_JOBS: ScheduledJob[] = [reminderJob, purgeJob];
