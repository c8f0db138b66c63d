import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import { getFixedT } from "#app/modules/i18n/i18next.server.ts";
import type { Locale } from "#app/modules/i18n/i18n.ts";
import type { EmailT } from "#emails/components/email-layout.tsx";
import { NotificationDigestEmail, notificationDigestSubject, type NotificationDigestData } from "#emails/notification-digest.tsx";
import { NotificationEmail, notificationSubject, type NotificationEmailData } from "#emails/notification.tsx";

const links = { unsubscribeUrl: "http://localhost:3000/notifications/desabonnement?u=u1&c=supported_proposal&s=sig", preferencesUrl: "http://localhost:3000/compte/notifications" };

const notice: NotificationEmailData = {
  displayName: "Nadia",
  sentence: "La proposition « Des bancs <b>à l'ombre</b> » est réalisée.",
  detail: "Inauguré samedi.",
  why: "Vous soutenez cette proposition.",
  url: "http://localhost:3000/propositions/p1",
  ...links,
};

const digest: NotificationDigestData = {
  displayName: "Sam",
  rhythm: "daily",
  proposals: [{ title: "Des bancs à l'ombre", url: "http://localhost:3000/propositions/p1", why: "You follow this proposal.", changes: ["is being studied", "is done"] }],
  others: [{ sentence: "The Labo session “Bus” is cancelled.", url: "http://localhost:3000/labo/s1" }],
  centreUrl: "http://localhost:3000/notifications",
  ...links,
};

async function translator(lang: Locale) {
  return (await getFixedT(lang, "emails")) as unknown as EmailT;
}

async function both(element: Parameters<typeof render>[0]) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

describe("notification email templates", () => {
  test("one notice, in French: what moved, the words that came with it, why, the button, and the two links at the foot", async () => {
    const t = await translator("fr");
    const { html, text } = await both(<NotificationEmail t={t} lang="fr" {...notice} />);
    expect(notificationSubject(t, notice)).toBe(notice.sentence);
    expect(html).toContain('lang="fr"');
    expect(html).not.toContain("<b>à l'ombre</b>");
    for (const words of ["DU NOUVEAU POUR VOUS", "Bonjour Nadia,", "Le message qui l'accompagne : Inauguré samedi.", "Vous soutenez cette proposition.", "Voir sur le site http://localhost:3000/propositions/p1"]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`Ne plus recevoir ces messages ${links.unsubscribeUrl}`);
    expect(text).toContain(`Choisir ce que je reçois ${links.preferencesUrl}`);
  });

  test("one notice, in English; a very long sentence makes a shorter subject, cut at a word", async () => {
    const t = await translator("en");
    const { html, text } = await both(<NotificationEmail t={t} lang="en" {...notice} detail={null} />);
    expect(html).toContain('lang="en"');
    expect(text).toContain("NEWS FOR YOU");
    expect(text).toContain("Hello Nadia,");
    expect(text).not.toContain("The message that came with it");
    expect(text).toContain(`Stop these messages ${links.unsubscribeUrl}`);
    const long = { ...notice, sentence: `${"Une phrase vraiment longue ".repeat(10)}fin.` };
    const subject = notificationSubject(t, long);
    expect(subject.length).toBeLessThanOrEqual(150);
    expect(subject).toMatch(/^Une phrase vraiment longue .*[a-z]…$/);
    expect(long.sentence.startsWith(subject.slice(0, -1))).toBe(true);
    expect(long.sentence[subject.length - 1]).toBe(" ");
  });

  test("a digest, in English and in French: the count in the subject, each proposal's title then its changes, the other news", async () => {
    const en = await translator("en");
    expect(notificationDigestSubject(en, digest)).toBe("Your daily summary: 3 pieces of news");
    const english = await both(<NotificationDigestEmail t={en} lang="en" {...digest} />);
    expect(english.html).toContain('lang="en"');
    expect(english.text).toMatch(/“Des bancs à l'ombre” http:\/\/localhost:3000\/propositions\/p1\s+– is being studied\s+– is done\s+You follow this proposal\./);
    expect(english.text).toContain("Also");
    expect(english.text).toContain("– The Labo session “Bus” is cancelled. See http://localhost:3000/labo/s1");
    expect(english.text).toContain("You get this summary in the morning when there is news, as you chose.");
    expect(english.text).toContain(`Stop these messages ${links.unsubscribeUrl}`);

    const fr = await translator("fr");
    const weekly = { ...digest, rhythm: "weekly" as const, others: [] };
    expect(notificationDigestSubject(fr, weekly)).toBe("Votre résumé de la semaine : 2 nouvelles");
    const french = await both(<NotificationDigestEmail t={fr} lang="fr" {...weekly} />);
    expect(french.html).toContain('lang="fr"');
    expect(french.text).toContain("« Des bancs à l'ombre »");
    expect(french.text).not.toContain("Et aussi");
    expect(french.text).toContain("Vous recevez ce résumé le lundi matin quand il y a du nouveau, comme vous l'avez choisi.");
    expect(french.text).toContain(`Ne plus recevoir ces messages ${links.unsubscribeUrl}`);
  });
});
