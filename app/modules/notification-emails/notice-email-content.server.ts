import { appUrl } from "#app/env.server.ts";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import { isLocale, type Locale } from "#app/modules/i18n/i18n.ts";
import { describeNotification, type NoticeText } from "#app/modules/notifications/notification-text.ts";
import type { NoticeRow } from "./notice-selection.server.ts";

type Translate = Parameters<typeof describeNotification>[0];

export const preferencesUrl = () => `${appUrl}/compte/notifications`;
export const centreUrl = () => `${appUrl}/notifications`;

/** The words of notices in each recipient's language: one translator per language for a whole batch. */
export function noticeDescriber() {
  const translators = new Map<Locale, Promise<Translate>>();
  return async (row: NoticeRow): Promise<NoticeText & { lang: Locale; url: string }> => {
    const lang: Locale = isLocale(row.locale) ? row.locale : "fr";
    let t = translators.get(lang);
    if (!t) translators.set(lang, (t = getFixedT(lang, "notifications") as Promise<unknown> as Promise<Translate>));
    const text = describeNotification(await t, row);
    return { ...text, lang, url: `${appUrl}${text.href}` };
  };
}
