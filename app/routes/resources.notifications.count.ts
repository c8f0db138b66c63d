/**
 * The header bell's count, for its refresh without a reload (app/components/notification-bell.tsx).
 * The person's own count only; never cached.
 */
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "#app/modules/auth/auth.server.ts";
import { getFixedT, getLocale } from "#app/modules/i18n/i18next.server.ts";
import { countUnreadNotifications } from "#app/modules/notifications/notification-queries.server.ts";
import { notificationBell } from "#app/modules/notifications/notification-text.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const [t, unread] = await Promise.all([getLocale(request).then((locale) => getFixedT(locale, "notifications")), countUnreadNotifications(viewer.id)]);
  return json(notificationBell(t, unread), { headers: { "Cache-Control": "private, no-store" } });
}
