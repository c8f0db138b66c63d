import { useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { AppLink, usePageHydrates } from "#app/components/app-link.tsx";
import type { BellData } from "#app/modules/notifications/notification-text.ts";

export const NOTIFICATION_COUNT_PATH = "/resources/notifications/count";
const REFRESH_MS = 60_000;

/**
 * The header's link to /notifications, for signed-in people: a bell with the unread count, named in words
 * (« Notifications, 3 non lues »). On pages that run JavaScript the count refreshes every minute and when
 * the window gets focus, without a reload; the root loader's count (read again after every action) wins
 * whenever it is newer.
 */
export function NotificationBell({ data }: { data: BellData }) {
  return usePageHydrates() ? <LiveBell initial={data} /> : <BellLink data={data} />;
}

function BellLink({ data }: { data: BellData }) {
  const current = useLocation().pathname === "/notifications";
  return (
    <AppLink to="/notifications" className="header-link notification-bell" aria-current={current ? "page" : undefined}>
      <svg className="notification-bell-icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
      </svg>
      {data.badge ? (
        <span className="notification-badge" aria-hidden="true">
          {data.badge}
        </span>
      ) : null}
      <span className="visually-hidden">{data.label}</span>
    </AppLink>
  );
}

function LiveBell({ initial }: { initial: BellData }) {
  const fetcher = useFetcher<BellData>();
  const [data, setData] = useState(initial);
  const [announcement, setAnnouncement] = useState("");
  const shown = useRef(initial.unread);

  // A new object each time the root loader runs again (after an action, or a navigation that reloads it).
  useEffect(() => setData(initial), [initial]);
  useEffect(() => {
    if (fetcher.data) setData(fetcher.data);
  }, [fetcher.data]);
  // Said once when the count grows: a count that drops follows what the person just did.
  useEffect(() => {
    if (data.unread > shown.current) setAnnouncement(data.label);
    shown.current = data.unread;
  }, [data]);

  const load = useRef(fetcher.load);
  load.current = fetcher.load;
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") void load.current(NOTIFICATION_COUNT_PATH);
    };
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener("focus", refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", refresh);
    };
  }, []);

  return (
    <>
      <BellLink data={data} />
      <span className="visually-hidden" aria-live="polite">
        {announcement}
      </span>
    </>
  );
}
