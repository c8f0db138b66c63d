import { z } from "zod";

const noticeId = z.string().uuid("notifications:page.invalid");

/**
 * The notification page's forms, told apart by `intent`: mark one read, open one (mark it read and go to
 * the place it is about), or mark all read up to the moment the page was shown (`until`).
 */
export const NotificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read-one"), id: noticeId }),
  z.object({ intent: z.literal("open"), id: noticeId }),
  z.object({ intent: z.literal("read-all"), until: z.string().datetime({ message: "notifications:page.invalid" }).pipe(z.coerce.date()) }),
]);
export type NotificationAction = z.infer<typeof NotificationActionSchema>;
