import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, hydrated, signIn } from "./fixtures.ts";

// Issue 12 §1–2: a reply to a resident's contribution becomes a notification (recorded with the reply, fanned
// out in the background within seconds); the header's bell counts it, /notifications says it in words and
// links to the reply; marking read works with and without JavaScript, and with it the count follows in place.
test.describe.configure({ timeout: 180_000 });

const AUTHOR = "conseil@labo.test"; // Sylvie Lefebvre
const RESIDENT = "habitante@labo.test"; // Nadia Benali
const NEIGHBOUR = "ambassadeur@labo.test"; // Karim Dupont
const RUN = Date.now().toString(36);

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

const bell = (page: Page) => page.locator("header a.notification-bell");
const thread = (page: Page, text: string) => page.locator("section#contributions article", { hasText: text }).first();

async function reply(page: Page, proposalUrl: string, parentText: string, text: string) {
  await page.goto(proposalUrl);
  const parent = thread(page, parentText);
  await parent.locator("summary", { hasText: "Répondre" }).click();
  await parent.getByLabel("Votre réponse à Nadia Benali").fill(text);
  await parent.getByRole("button", { name: "Publier ma réponse" }).click();
  await expect(page.locator(".flash")).toHaveText("Merci ! Votre réponse est publiée.");
}

/** Reloads until the bell says it: the fan-out runs every 5 seconds. */
async function bellSays(page: Page, name: string) {
  await expect(async () => {
    await page.reload();
    await expect(bell(page)).toHaveAccessibleName(name, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("a reply to my contribution: the bell counts it, the centre says it and leads to it, read with and without JavaScript", async ({ browser }) => {
  // Sylvie posts a proposal; Nadia comments on it; Karim (without JavaScript) replies to Nadia twice.
  const sylvie = await signedInPage(browser, AUTHOR);
  const title = `Des bancs à l'ombre ${RUN} devant l'école`;
  await sylvie.page.goto("/propositions/nouvelle");
  await sylvie.page.getByLabel("Votre idée en une phrase").fill(title);
  await sylvie.page.getByLabel("Expliquez-la").fill(`Les parents attendent la sortie des classes debout, en plein soleil.\n\n${title} : quelques bancs et un arbre changeraient tout.`);
  await sylvie.page.getByRole("radio", { name: /Améliorer le cadre de vie et l.habitat/ }).check();
  await sylvie.page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(sylvie.page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
  const proposalUrl = new URL(sylvie.page.url()).pathname;
  await sylvie.close();

  const nadia = await signedInPage(browser, RESIDENT);
  // Other journeys move Nadia's own proposals (the feedback loop's): she reads what they left first, so the
  // bell counts only this journey's news.
  await nadia.page.goto("/notifications");
  const readAll = nadia.page.getByRole("button", { name: "Tout marquer comme lu" });
  if (await readAll.count()) {
    await hydrated(nadia.page);
    await readAll.click();
    await expect(bell(nadia.page)).toHaveAccessibleName("Notifications, aucune non lue");
  }
  await nadia.page.goto(proposalUrl);
  await hydrated(nadia.page);
  const comment = `Le matin on attend vingt minutes au soleil avec les poussettes (${RUN}).`;
  await nadia.page.locator("#cf-new-stance-for").check();
  await nadia.page.getByLabel("Votre contribution", { exact: true }).fill(comment);
  await nadia.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(thread(nadia.page, comment)).toBeVisible();

  const karim = await signedInPage(browser, NEIGHBOUR, false);
  await reply(karim.page, proposalUrl, comment, `Pareil pour moi, et le soir aussi (${RUN}).`);
  await reply(karim.page, proposalUrl, comment, `Un arbre ferait de l'ombre toute l'année (${RUN}).`);

  // The bell counts both, in words.
  await nadia.page.goto("/propositions");
  await bellSays(nadia.page, "Notifications, 2 non lues");
  await expect(bell(nadia.page).locator(".notification-badge")).toHaveText("2");

  // The centre: the sentence, why, when; unread marked in words. Visiting it marks nothing.
  await bell(nadia.page).click();
  await expect(nadia.page).toHaveURL(/\/notifications$/);
  await hydrated(nadia.page);
  await expect(nadia.page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(nadia.page.locator(".notifications-toolbar .result-count")).toHaveText("2 notifications non lues.");
  // Newest first: this journey's two replies, unread, above what other journeys left (read above).
  const items = nadia.page.locator(".notification-list > li");
  await expect(nadia.page.locator(".notification-list > li.notification-unread")).toHaveCount(2);
  await expect(items.nth(1)).toContainText(`Quelqu'un a répondu à votre contribution sur la proposition « ${title} ».`);
  await expect(items.first()).toContainText(`Quelqu'un a répondu à votre contribution sur la proposition « ${title} ».`);
  await expect(items.first()).toContainText("Vous avez écrit cette contribution.");
  await expect(items.first()).toContainText("Non lue");
  await expect(bell(nadia.page)).toHaveAttribute("aria-current", "page");
  await expectAccessible(nadia.page);

  // « Marquer comme lu » in place: the count and the bell follow, the focus goes to the notice's link.
  await items.first().getByRole("button", { name: "Marquer comme lu" }).click();
  await expect(nadia.page.locator(".notifications-toolbar .result-count")).toHaveText("1 notification non lue.");
  await expect(bell(nadia.page)).toHaveAccessibleName("Notifications, 1 non lue");
  await expect(items.first().getByRole("link")).toBeFocused();
  await expect(items.first()).not.toContainText("Non lue");
  await expectAccessible(nadia.page);

  // Opening the other marks it read on the way, and leads to the reply in its thread.
  await items.nth(1).getByRole("link").click();
  await expect(nadia.page).toHaveURL(new RegExp(`${proposalUrl}(\\?[^#]*)?#contribution-[0-9a-f-]{36}$`));
  await expect(bell(nadia.page)).toHaveAccessibleName("Notifications, aucune non lue");

  // A new reply while her page is open: the bell catches up when the window gets the focus, without a reload.
  await hydrated(nadia.page);
  await reply(karim.page, proposalUrl, comment, `Et des jeux pour les petits (${RUN}).`);
  await expect(async () => {
    await nadia.page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await expect(bell(nadia.page)).toHaveAccessibleName("Notifications, 1 non lue", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await nadia.close();

  // Without JavaScript: the same page, and « Tout marquer comme lu » with a message.
  const plain = await signedInPage(browser, RESIDENT, false);
  await plain.page.goto("/notifications");
  await expect(plain.page.locator(".notifications-toolbar .result-count")).toHaveText("1 notification non lue.");
  await expectAccessibleWithoutJs(browser, plain.page);
  await plain.page.getByRole("button", { name: "Tout marquer comme lu" }).click();
  await expect(plain.page.locator(".flash")).toHaveText("Toutes vos notifications sont marquées comme lues.");
  await expect(plain.page.locator(".notifications-toolbar .result-count")).toHaveText("Tout est lu.");
  await expect(bell(plain.page)).toHaveAccessibleName("Notifications, aucune non lue");
  await expect(plain.page.locator(".notification-list > li", { hasText: title })).toHaveCount(3);
  await Promise.all([plain.close(), karim.close()]);
});

test("anonymous visitors have no bell, and /notifications asks them to sign in", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("a.notification-bell")).toHaveCount(0);
  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fnotifications$/);
});
