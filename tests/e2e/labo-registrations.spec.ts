import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_SMALL_LABO_SESSION_ID } from "../factories/demo-labo.ts";
import { expectAccessible, expectAccessibleWithoutJs, signIn } from "./fixtures.ts";

// The demo's two-seat rendez-vous in Avion, animated by ambassadeur@labo.test. The journeys share its seats:
// each one leaves them as it found them, and they run in order.
const SESSION = DEMO_SMALL_LABO_SESSION_ID;
const REGISTRATION = `/labo/${SESSION}/inscription`;
const PHONE = { width: 390, height: 844 };

test.describe.configure({ mode: "serial", timeout: 120_000 });

function uniqueEmail(label: string) {
  return `e2e.labo.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

/**
 * The e2e server runs in production mode, where the development mailbox is for administrators only: read
 * the last message to `to` in a second browser as admin@labo.test. Returns its cancel link (if any) and
 * the .ics attached to it, as downloaded from the mailbox.
 */
async function readMailbox(browser: Browser, to: string, subject: string | RegExp) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin@labo.test");
  await page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: to })}`);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  await expectAccessible(page);
  const cancelHref = await page.locator('.mail-text a[href*="/labo/inscription/"]').first().getAttribute("href", { timeout: 1000 }).catch(() => null);
  const download = page.getByRole("link", { name: "Télécharger rendez-vous-du-labo.ics" });
  let ics: string | null = null;
  if (await download.count()) {
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    ics = Buffer.concat(chunks).toString("utf8");
  }
  await context.close();
  return { cancelPath: cancelHref ? new URL(cancelHref).pathname : null, ics };
}

async function registerAsGuest(page: Page, name: string, email: string) {
  await page.goto(REGISTRATION);
  await page.getByLabel("Votre nom").fill(name);
  await page.getByLabel("Adresse e-mail (facultatif)").fill(email);
  await page.getByLabel("J'accepte que le Labo garde mon nom et mon contact pour organiser ce rendez-vous").check();
  await page.getByRole("button", { name: /^Je m'inscris/ }).click();
}

async function cancelWithLink(page: Page, cancelPath: string) {
  await page.goto(cancelPath);
  await expect(page.getByRole("heading", { level: 1, name: "Annuler votre inscription" })).toBeVisible();
  await page.getByRole("button", { name: /^Oui, / }).click();
  await expect(page.getByText("Cette inscription est annulée. Merci de nous avoir prévenus.")).toBeVisible();
}

test("a visitor without an account registers from the QR code's page on a phone, gets the .ics, and cancels by the link", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const email = uniqueEmail("qr");
  await page.goto(REGISTRATION);
  await expect(page.getByRole("heading", { level: 1, name: "Café-atelier : lire ensemble le contrat de ville" })).toBeVisible();
  await expect(page.getByText("Il reste 2 places.")).toBeVisible();
  await expectAccessible(page);
  mkdirSync("/work/shots", { recursive: true });
  await page.screenshot({ path: "/work/shots/labo-registration-phone.png", fullPage: true });

  // Sent empty: the errors show before any request, and nothing typed is lost.
  await page.getByLabel("Votre nom").fill("Nadia");
  await page.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(page.getByRole("alert").getByText("Cochez cette case pour vous inscrire", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Votre nom")).toHaveValue("Nadia");
  await expectAccessible(page);

  await page.getByLabel("Adresse e-mail (facultatif)").fill(email);
  await page.getByLabel("C'est ma première fois au Labo").check();
  await page.getByLabel("J'accepte que le Labo garde mon nom et mon contact pour organiser ce rendez-vous").check();
  await page.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(page.getByRole("heading", { name: "C'est fait : votre place est réservée." })).toBeVisible();
  await expectAccessible(page);

  const mail = await readMailbox(browser, email, /^Votre inscription est confirmée/);
  expect(mail.ics).toContain("BEGIN:VEVENT");
  expect(mail.ics).toContain("SUMMARY:Café-atelier : lire ensemble le contrat de ville");
  expect(mail.cancelPath).toMatch(/^\/labo\/inscription\/[\w-]{43}$/);

  await page.goto(mail.cancelPath!);
  await expect(page.getByText("Place réservée")).toBeVisible();
  await expectAccessible(page);
  await cancelWithLink(page, mail.cancelPath!);
  await expectAccessible(page);
  await context.close();
});

test("without JavaScript: the same registration, with the server's errors and what was typed kept", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
  const page = await context.newPage();
  const email = uniqueEmail("nojs");
  await page.goto(REGISTRATION);
  await page.getByLabel("Votre nom").fill("Karim");
  await page.getByLabel("Adresse e-mail (facultatif)").fill(email);
  await page.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(page.getByRole("alert").getByText("Cochez cette case pour vous inscrire", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Votre nom")).toHaveValue("Karim");
  await expect(page.getByLabel("Adresse e-mail (facultatif)")).toHaveValue(email);
  await expectAccessibleWithoutJs(browser, page);

  await page.getByLabel("J'accepte que le Labo garde mon nom et mon contact pour organiser ce rendez-vous").check();
  await page.getByRole("button", { name: "Je m'inscris" }).click();
  await expect(page.getByRole("heading", { name: "C'est fait : votre place est réservée." })).toBeVisible();
  await expectAccessibleWithoutJs(browser, page);

  const { cancelPath } = await readMailbox(browser, email, /^Votre inscription est confirmée/);
  await cancelWithLink(page, cancelPath!);
  await expectAccessibleWithoutJs(browser, page);
  await context.close();
});

test("the session fills, the next person waits, and a cancellation gives them the seat (promotion email)", async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const [first, second, third] = [uniqueEmail("un"), uniqueEmail("deux"), uniqueEmail("trois")];
  await registerAsGuest(page, "Amina", first);
  await expect(page.getByRole("heading", { name: "C'est fait : votre place est réservée." })).toBeVisible();
  await registerAsGuest(page, "Bruno", second);
  await expect(page.getByRole("heading", { name: "C'est fait : votre place est réservée." })).toBeVisible();

  await page.goto(REGISTRATION);
  await expect(page.getByText("Complet pour l'instant.", { exact: true })).toBeVisible();
  await expect(page.getByText("C'est complet pour l'instant.", { exact: false })).toBeVisible();
  await registerAsGuest(page, "Chloé", third);
  await expect(page.getByRole("heading", { name: "C'est fait : vous êtes sur la liste d'attente." })).toBeVisible();
  await expectAccessible(page);

  const { cancelPath } = await readMailbox(browser, first, /^Votre inscription est confirmée/);
  await cancelWithLink(page, cancelPath!);

  const promotion = await readMailbox(browser, third, /^Une place s'est libérée pour vous/);
  expect(promotion.ics).toContain("BEGIN:VEVENT");

  // Leave the seats as found: the two people holding them cancel.
  for (const [email, subject] of [
    [second, /^Votre inscription est confirmée/],
    [third, /^Vous êtes sur la liste d'attente/],
  ] as const) {
    const { cancelPath: path } = await readMailbox(browser, email, subject);
    await cancelWithLink(page, path!);
  }
  await context.close();
});

test("the ambassador prints the A5 flyer with its QR code and copies the message for WhatsApp", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "ambassadeur@labo.test");
  // Signed in, the registration page is one button; the people who run the session find their kit there.
  await page.goto(REGISTRATION);
  await expect(page.getByRole("button", { name: "Je m'inscris" })).toBeVisible();
  await expect(page.getByLabel("Votre nom")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: /^Kit d'invitation/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kit d'invitation" })).toBeVisible();
  const qr = page.getByRole("img", { name: /^Code QR vers la page d'inscription/ });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
  const message = page.getByLabel("Message pour WhatsApp, SMS ou Messenger");
  await expect(message).toHaveValue(new RegExp(`${REGISTRATION}$`));
  expect(await page.getByRole("link", { name: "Partager sur WhatsApp" }).getAttribute("href")).toMatch(/^https:\/\/wa\.me\/\?text=Bonjour/);
  await expect(page.getByRole("button", { name: "Imprimer le flyer" })).toBeVisible();
  await expectAccessible(page);

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Kit d'invitation" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Café-atelier : lire ensemble le contrat de ville" })).toBeVisible();
  mkdirSync("/work/shots", { recursive: true });
  await page.setViewportSize({ width: 560, height: 794 }); // A5 at 96 dpi
  await page.screenshot({ path: "/work/shots/labo-flyer.png", fullPage: true });
  await context.close();
});
