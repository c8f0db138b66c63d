import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_TODAY_SESSION_ID } from "#tests/factories/demo-labo.ts";
import { expectAccessible, expectAccessibleWithoutJs, hydrated, signIn } from "./fixtures.ts";

// The ambassador's console on the day, on a phone: the demo's rendez-vous in Avion that started an hour
// ago, with three people registered (Nadia Benali with her account, Josiane Lefebvre, Marc Dubois).

test.describe.configure({ timeout: 180_000 });

const PHONE = { width: 390, height: 844 };
const AMBASSADOR = "ambassadeur@labo.test";
const CONSOLE = `/labo/${DEMO_TODAY_SESSION_ID}/console`;
const SESSION_TITLE = "Cadre de vie : nos rues, nos espaces verts";

async function phone(browser: Browser, email: string, javaScriptEnabled = true) {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return { page, context };
}

const counts = (page: Page) => page.locator(".labo-console-counts");
const captureList = (page: Page) => page.locator("ol.labo-captures");
const row = (page: Page, name: string) => page.locator(".labo-registration", { hasText: name });

async function capture(page: Page, kind: string, text: string, extra: (page: Page) => Promise<void> = async () => {}) {
  await page.getByRole("radio", { name: kind, exact: true }).check();
  await page.getByLabel("Ce que la personne a dit").fill(text);
  await extra(page);
  await page.getByRole("button", { name: "Enregistrer la contribution" }).click();
}

test("on the day: check-in, walk-ins, five contributions (one while the network is cut), an idea carried as a Labo proposal, minutes emailed", async ({ browser }) => {
  const { page, context } = await phone(browser, AMBASSADOR);
  await page.goto(CONSOLE);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: SESSION_TITLE })).toBeVisible();
  await expect(counts(page)).toHaveText("Présents : 0 · dont nouveaux : 0 · inscrits : 3");
  await expectAccessible(page);

  // Check in Josiane, found by name: the tap is saved without leaving the page.
  await page.getByLabel("Chercher par nom").fill("josi");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.locator(".labo-registration")).toHaveCount(1);
  await hydrated(page);
  const url = page.url();
  await row(page, "Josiane Lefebvre").getByRole("button", { name: "Présent·e : Josiane Lefebvre" }).click();
  await expect(row(page, "Josiane Lefebvre").locator(".labo-present-mark")).toHaveText("Présent·e");
  await expect(counts(page)).toHaveText("Présents : 1 · dont nouveaux : 1 · inscrits : 3");
  expect(page.url()).toBe(url);

  // Two walk-ins, one on her first time; walk-ins are present at once.
  await page.getByRole("link", { name: "Voir tout le monde" }).click();
  await page.getByLabel("Prénom (facultatif)").fill("Sami");
  await page.getByLabel("C'est sa première fois au Labo").check();
  await page.getByRole("button", { name: "Ajouter cette personne" }).click();
  await expect(page.getByText("Personne ajoutée et comptée présente.")).toBeVisible();
  await page.getByRole("button", { name: "Ajouter cette personne" }).click();
  await expect(counts(page)).toHaveText("Présents : 3 · dont nouveaux : 2 · inscrits : 3");
  await expect(row(page, "Sami").locator(".labo-present-mark")).toBeVisible();

  // Five contributions.
  const idea = "Des bancs aux arrêts de bus de la cité 4 : les personnes âgées attendent debout.";
  await capture(page, "Idée", idea, async (p) => {
    await p.getByLabel("Atelier").selectOption({ label: "Propreté et éclairage" });
    await p.getByLabel("Ambition").selectOption({ label: "8. Améliorer le cadre de vie et l'habitat" });
    await p.getByLabel("Quartier").selectOption({ label: "République - Cité 4" });
  });
  await expect(captureList(page).locator(".labo-capture:not(.is-pending)", { hasText: idea })).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Contribution enregistrée." })).toBeVisible();

  await capture(page, "Témoignage", "Le soir, la rue Jean-Jaurès n'est pas éclairée : je fais un détour.");
  await expect(captureList(page).locator(".labo-capture:not(.is-pending)", { hasText: "rue Jean-Jaurès" })).toHaveCount(1);

  // A name without the person's consent is refused before anything is sent; nothing typed is lost.
  const question = "Qui entretient le square derrière l'école ?";
  await capture(page, "Question", question, async (p) => {
    await p.getByLabel("Son nom", { exact: true }).fill("Yasmine");
    await p.getByLabel("Son e-mail ou téléphone", { exact: true }).fill("yasmine@voisins.test");
  });
  await expect(page.getByRole("alert")).toContainText("la personne doit être d'accord");
  await expect(page.getByLabel("Ce que la personne a dit")).toHaveValue(question);
  await page.getByLabel("La personne est d'accord pour que son nom et son contact soient gardés avec sa contribution").check();
  await page.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(captureList(page).locator(".labo-capture:not(.is-pending)", { hasText: question })).toContainText("Yasmine");

  // The network goes down in the middle: the capture is kept on the phone, then sent when it returns.
  const offline = "Un jardin partagé sur le terrain vague de la rue Pasteur.";
  await context.setOffline(true);
  await capture(page, "Idée", offline);
  await expect(page.getByRole("status").filter({ hasText: "Pas de réseau : 1 contribution en attente, envoi automatique au retour du réseau." })).toBeVisible();
  await expect(captureList(page).locator(".labo-capture.is-pending", { hasText: offline })).toContainText("en attente");
  await context.setOffline(false);
  await expect(captureList(page).locator(".labo-capture:not(.is-pending)", { hasText: offline })).toHaveCount(1);
  await expect(captureList(page).locator(".labo-capture", { hasText: offline })).toHaveCount(1);
  await page.reload();
  await hydrated(page);
  await expect(captureList(page).locator(".labo-capture", { hasText: offline })).toHaveCount(1);

  await capture(page, "Avis", "Le nouveau parc est bien, mais il manque des poubelles.");
  await expect(page.getByRole("heading", { level: 3, name: "5 contributions notées" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/work/shots/labo-console.png", fullPage: true });

  // The first idea becomes a proposal carried by the Labo: published and qualified at once.
  await captureList(page).locator(".labo-capture", { hasText: idea }).getByRole("link", { name: "Porter comme proposition du Labo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Porter une idée comme proposition du Labo" })).toBeVisible();
  await expect(page.getByLabel("La proposition", { exact: true })).toHaveValue(idea);
  await expect(page.getByLabel("Commune")).toHaveValue("avion");
  await expectAccessible(page);
  const title = `Des bancs aux arrêts de bus de la cité 4 ${Date.now().toString(36)}`;
  await page.getByLabel("Titre de la proposition").fill(title);
  await page.getByRole("button", { name: "Publier la proposition du Labo" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".proposal-origin")).toHaveText("Portée par le Labo");
  await expect(page.getByText(`Portée par le rendez-vous du Labo « ${SESSION_TITLE} »`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Voir le rendez-vous du Labo" })).toHaveAttribute("href", `/labo/${DEMO_TODAY_SESSION_ID}`);
  await expectAccessible(page);

  await page.goto("/propositions?origine=labo");
  const card = page.locator("article.proposal-card", { hasText: title });
  await expect(card).toContainText("Portée par un rendez-vous du Labo");
  await expect(card).toContainText("Qualifiée");

  await page.goto(CONSOLE);
  await expect(captureList(page).locator(".labo-capture", { hasText: idea }).getByRole("link", { name: title })).toBeVisible();

  // The minutes: the figures come from the console; publishing sends them to the registrants.
  await page.getByRole("link", { name: "Compte-rendu" }).click();
  await expect(page.getByLabel("Nombre de personnes présentes")).toHaveValue("3");
  await expect(page.getByLabel("Dont nouveaux")).toHaveValue("2");
  await expectAccessible(page);
  await page.getByLabel("Résumé").fill("Nous étions trois autour de la table : bancs, éclairage et jardin partagé.");
  await page.getByLabel("Ce qui a été décidé ensemble").fill("Porter au GTP la proposition des bancs aux arrêts de bus.");
  await page.getByRole("checkbox", { name: /Le nouveau parc est bien/ }).uncheck();
  await page.getByRole("button", { name: "Publier et envoyer aux inscrits" }).click();
  await expect(page.getByText("Compte-rendu publié et envoyé aux personnes inscrites.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publier et envoyer aux inscrits" })).toHaveCount(0);
  await context.close();

  const admin = await phone(browser, "admin@labo.test");
  for (const to of ["josiane.lefebvre@voisins.test", "habitante@labo.test"]) {
    await admin.page.goto(`/dev/boite-mail?${new URLSearchParams({ destinataire: to })}`);
    await expect(admin.page.getByRole("link", { name: `Compte-rendu du rendez-vous du Labo : ${SESSION_TITLE}` })).toHaveCount(1);
  }
  await admin.context.close();
});

test("without JavaScript: check-in and capture as plain forms; an error keeps what was typed", async ({ browser }) => {
  const { page, context } = await phone(browser, AMBASSADOR, false);
  await page.goto(CONSOLE);
  await row(page, "Marc Dubois").getByRole("button", { name: "Présent·e : Marc Dubois" }).click();
  await expect(page.getByText("Présence notée.")).toBeVisible();
  await expect(row(page, "Marc Dubois").locator(".labo-present-mark")).toHaveText("Présent·e");
  await expectAccessibleWithoutJs(browser, page);

  const text = "Des toilettes publiques près du marché.";
  await page.getByRole("radio", { name: "Idée", exact: true }).check();
  await page.getByLabel("Ce que la personne a dit").fill(text);
  await page.getByLabel("Son nom", { exact: true }).fill("Robert");
  await page.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(page.locator(".error-summary")).toContainText("la personne doit être d'accord");
  await expect(page.getByLabel("Ce que la personne a dit")).toHaveValue(text);
  await expect(page.getByLabel("Son nom", { exact: true })).toHaveValue("Robert");
  await expectAccessibleWithoutJs(browser, page);
  await page.getByLabel("La personne est d'accord pour que son nom et son contact soient gardés avec sa contribution").check();
  await page.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(page.getByText("Contribution enregistrée.")).toBeVisible();
  await expect(captureList(page).locator(".labo-capture", { hasText: text })).toHaveCount(1);
  await expect(captureList(page).locator(".labo-capture", { hasText: text })).toContainText("Robert");
  await context.close();
});
