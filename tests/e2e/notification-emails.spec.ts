import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, hydrated, signIn } from "./fixtures.ts";

// Issue 12 §3: a reply to a resident's contribution leaves by email within seconds (fan-out, then the
// notification job), with a one-click unsubscribe link that needs no sign-in; a mail client's own button
// (RFC 8058: a POST without cookie or Origin) works too; the rhythms page shows the result and saves a change,
// with and without JavaScript. Claire (the moderator's demo account) is the resident here: no other journey
// reads her emails or rhythms.
test.describe.configure({ timeout: 240_000 });

const RESIDENT = "moderatrice@labo.test"; // Claire Martin
const NEIGHBOUR = "coordinateur@labo.test"; // Julien Caron
const ADMIN = "admin@labo.test";
const RUN = Date.now().toString(36);

async function signedInPage(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

/** A demo proposal still open to contributions (other journeys move some to a decision): its path. */
async function openProposal(page: Page) {
  await page.goto("/propositions");
  const paths = await page.locator(".proposal-card-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const path of paths) {
    await page.goto(path);
    await hydrated(page);
    if (await page.locator("#cf-new-stance-for").count()) return new URL(page.url()).pathname;
  }
  throw new Error("No proposal open to contributions on the first page");
}

const thread = (page: Page, text: string) => page.locator("section#contributions article", { hasText: text }).first();

/** The unsubscribe link of the newest message with this subject, read in the mailbox (administrators' in production). */
async function unsubscribeLinkFor(browser: Browser, to: string, subject: string) {
  const admin = await signedInPage(browser, ADMIN);
  await expect(async () => {
    await admin.page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: to })}`);
    await expect(admin.page.getByRole("link", { name: subject }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 45_000 });
  await admin.page.getByRole("link", { name: subject }).first().click();
  await expect(admin.page.locator(".mail-text")).toContainText("Vous avez écrit cette contribution.");
  const href = await admin.page.locator('.mail-text a[href*="/notifications/desabonnement?"]').first().getAttribute("href");
  await admin.close();
  expect(href).toBeTruthy();
  return href!;
}

test("a reply emailed at once; its unsubscribe link works without signing in, from the page or a mail client's button", async ({ browser, playwright }) => {
  // Claire comments on a published proposal; Julien replies to her (without JavaScript).
  const claire = await signedInPage(browser, RESIDENT);
  const proposalUrl = await openProposal(claire.page);
  const proposalTitle = (await claire.page.getByRole("heading", { level: 1 }).innerText()).trim();
  const comment = `Un avis de Claire sur cette idée, pour voir les e-mails (${RUN}).`;
  await claire.page.locator("#cf-new-stance-for").check();
  await claire.page.getByLabel("Votre contribution", { exact: true }).fill(comment);
  await claire.page.getByRole("button", { name: "Publier ma contribution" }).click();
  await expect(thread(claire.page, comment)).toBeVisible();

  const julien = await signedInPage(browser, NEIGHBOUR, false);
  await julien.page.goto(proposalUrl);
  const parent = thread(julien.page, comment);
  await parent.locator("summary", { hasText: "Répondre" }).click();
  await parent.getByLabel("Votre réponse à Claire Martin").fill(`Je suis d'accord avec Claire (${RUN}).`);
  await parent.getByRole("button", { name: "Publier ma réponse" }).click();
  await expect(julien.page.locator(".flash")).toHaveText("Merci ! Votre réponse est publiée.");
  await julien.close();

  // The email, within seconds, carries the link.
  const link = await unsubscribeLinkFor(browser, RESIDENT, `Quelqu'un a répondu à votre contribution sur la proposition « ${proposalTitle} ».`);
  const path = new URL(link).pathname + new URL(link).search;

  // Anyone holding the link, without an account and without JavaScript: a page that says what will stop.
  const visitor = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await visitor.newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1, name: "Ne plus recevoir ces messages" })).toBeVisible();
  await expect(page.getByText("Vous ne recevrez plus d'e-mails sur les réponses à vos contributions.")).toBeVisible();
  await expectAccessibleWithoutJs(browser, page);
  await page.getByRole("button", { name: "Ne plus recevoir ces messages" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "C'est fait" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Choisir ce que je reçois" })).toHaveAttribute("href", "/compte/notifications");
  await expectAccessibleWithoutJs(browser, page);

  // A tampered link: refused in words, nothing changes.
  await page.goto(path.replace(/s=[^&]+/, `s=${"A".repeat(43)}`));
  await expect(page.getByRole("heading", { level: 1, name: "Ce lien ne marche pas" })).toBeVisible();
  await visitor.close();

  // A mail client's own button: a POST from its servers, with no cookie and no Origin, goes through the
  // origin check for this path only.
  const client = await playwright.request.newContext({ baseURL: new URL(link).origin });
  const oneClick = await client.post(path, { form: { "List-Unsubscribe": "One-Click" } });
  expect(oneClick.status()).toBe(200);
  const elsewhere = await client.post("/compte/notifications", { form: { council: "none" } });
  expect(elsewhere.status()).toBe(403);
  await client.dispose();

  // Claire's rhythms say it; she chooses a daily summary for what she follows.
  await claire.page.goto("/compte");
  await claire.page.getByRole("link", { name: "Choisir mes e-mails de notification" }).click();
  await expect(claire.page.getByRole("heading", { level: 1, name: "Mes e-mails de notification" })).toBeVisible();
  // Loaded and running: the form is then validated in the page and posted by Remix.
  await claire.page.waitForLoadState("networkidle");
  const replies = claire.page.getByRole("group", { name: "Les réponses à mes contributions" });
  await expect(replies.getByRole("radio", { name: "Jamais" })).toBeChecked();
  await expectAccessible(claire.page);
  const followed = claire.page.getByRole("group", { name: "Les propositions que je suis" });
  await expect(followed.getByRole("radio", { name: "Un résumé par semaine" })).toBeChecked();
  await followed.getByRole("radio", { name: "Un résumé par jour" }).check();
  await claire.page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(claire.page.locator(".flash")).toHaveText("Enregistré. Vos choix de notifications par e-mail sont pris en compte.");
  await expect(claire.page.getByRole("group", { name: "Les propositions que je suis" }).getByRole("radio", { name: "Un résumé par jour" })).toBeChecked();
  await expectAccessible(claire.page);
  await claire.close();
});

test("the rhythms page without JavaScript: the same form, saved, said", async ({ browser }) => {
  const plain = await signedInPage(browser, RESIDENT, false);
  await plain.page.goto("/compte/notifications");
  await expectAccessibleWithoutJs(browser, plain.page);
  const council = plain.page.getByRole("group", { name: "Mon conseil citoyen" });
  await council.getByRole("radio", { name: "Immédiatement" }).check();
  await plain.page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(plain.page.locator(".flash")).toHaveText("Enregistré. Vos choix de notifications par e-mail sont pris en compte.");
  await expect(plain.page.getByRole("group", { name: "Mon conseil citoyen" }).getByRole("radio", { name: "Immédiatement" })).toBeChecked();
  await expectAccessibleWithoutJs(browser, plain.page);
  await plain.close();
});
