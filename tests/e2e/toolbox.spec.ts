import { expect, test, type Browser, type Page } from "@playwright/test";
import { accessibleWithoutJs, expectAccessible, hydrated, signIn, type AccessibilityCheck as Check } from "./fixtures.ts";

// The toolbox (issue 13): an ambassador writes a fiche d'expérience, saves it as a draft and publishes it;
// a signed-out visitor finds it by its ambition and by a word, opens it and prints it on one A4 page. Once
// with JavaScript, once without.
const AMBASSADOR = "ambassadeur@labo.test";
const AMBITION = /Développer le travail en réseau/;

/** A word no other entry holds, so a search for it finds this journey's fiche only. */
const stampWord = () => `ressourcerie${Date.now().toString(36)}`;

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Type /Pages` tree). */
function pdfPageCount(pdf: Buffer) {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}

async function writeDraft(page: Page, check: Check, title: string, word: string) {
  await page.goto("/boite-a-outils/nouvelle");
  await check(page);
  await page.getByRole("link", { name: "Nouvelle fiche d'expérience" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouvelle fiche d'expérience" })).toBeVisible();
  await check(page);
  await page.getByLabel("Titre de la fiche").fill(title);
  await page.getByLabel("Ce qui a été fait", { exact: true }).fill(`Une ${word} ouverte un samedi par mois à la maison de quartier : on donne, on échange, on répare.`);
  await page.getByLabel("Lieu (facultatif)").fill("Maison de quartier");
  await page.getByLabel("Quartier (facultatif)").selectOption("QP062028");
  await page.getByRole("checkbox", { name: "Liévin", exact: true }).check();
  await page.getByLabel("Avec qui ? (facultatif)").fill("Des habitants, la régie de quartier, deux associations.");
  // The required « what worked » left empty: the form says so and keeps everything typed.
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: /Ce qui a marché : Ce champ est obligatoire/ })).toBeVisible();
  await expect(page.getByLabel("Titre de la fiche")).toHaveValue(title);
  await expect(page.getByRole("checkbox", { name: "Liévin", exact: true })).toBeChecked();
  await check(page);
  await page.getByLabel("Ce qui a marché", { exact: true }).fill("Les voisins reviennent, et amènent leurs voisins.");
  await page.getByLabel("Ce qui n'a pas marché (facultatif)").fill("Trop d'objets à stocker au début.");
  await page.getByRole("checkbox", { name: AMBITION }).check();
  await page.getByLabel("Structure qui a porté l'action (facultatif)").fill("Régie de quartier (fictive)");
  await page.getByLabel("Contact public (facultatif)").fill("contact@exemple.org");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(page).toHaveURL(/\/boite-a-outils\/[0-9a-f-]{36}$/);
  await expect(page.locator(".flash")).toHaveText("Le brouillon est enregistré.");
  await expect(page.getByText("Cette fiche n'est pas publiée")).toBeVisible();
  await check(page);
  return page.url();
}

async function publish(page: Page, check: Check) {
  await page.getByRole("link", { name: "Modifier", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Modifier la fiche" })).toBeVisible();
  await check(page);
  await page.getByRole("button", { name: "Publier", exact: true }).click();
  await expect(page).toHaveURL(/\/boite-a-outils\/[0-9a-f-]{36}$/);
  await expect(page.locator(".flash")).toHaveText("La fiche est publiée.");
  await expect(page.getByText("Cette fiche n'est pas publiée")).toHaveCount(0);
}

async function findAndPrint(browser: Browser, javaScriptEnabled: boolean, title: string, word: string) {
  const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
  const page = await context.newPage();
  const check: Check = javaScriptEnabled ? expectAccessible : accessibleWithoutJs(browser);
  await page.goto("/boite-a-outils");
  await check(page);
  await page.getByLabel("Ambition du contrat de ville").selectOption({ label: "12. Développer le travail en réseau, la coopération et les formations communes" });
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page).toHaveURL(/ambition=12/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await check(page);
  await page.getByLabel("Mots à chercher").fill(word);
  await page.getByLabel("Ambition du contrat de ville").selectOption("");
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page.getByText(/^1 ressource pour/)).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ce qui n'a pas marché" })).toBeVisible();
  await expect(page.getByRole("link", { name: AMBITION })).toHaveAttribute("href", "/ambitions/12");
  if (javaScriptEnabled) await expect(page.getByRole("button", { name: "Imprimer cette fiche" })).toBeVisible();
  else await expect(page.getByText(/commande « Imprimer » de votre navigateur/)).toBeVisible();
  await check(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdfPageCount(pdf), "the fiche prints on one A4 page").toBe(1);
  await context.close();
}

test("with JavaScript: an ambassador writes, saves and publishes a fiche; a visitor finds it and prints it on one page", async ({ browser }) => {
  const word = stampWord();
  const title = `Une ressourcerie de quartier ${word.slice(-6)}`;
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await signIn(page, AMBASSADOR);
  await page.goto("/boite-a-outils/nouvelle?type=experience");
  await hydrated(page);
  await writeDraft(page, expectAccessible, title, word);
  // The draft is among the editors' drafts on the toolbox's home, not in the public list.
  await page.goto("/boite-a-outils");
  await expect(page.getByRole("region", { name: "Mes brouillons et ceux à relire" }).getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("region", { name: "Mes brouillons et ceux à relire" }).getByRole("link", { name: title }).click();
  await publish(page, expectAccessible);
  await expectAccessible(page);
  await context.close();

  await findAndPrint(browser, true, title, word);
});

test("without JavaScript: the same journey, the form and the search as plain HTML", async ({ browser }) => {
  const word = stampWord();
  const title = `Une ressourcerie sans script ${word.slice(-6)}`;
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" });
  const page = await context.newPage();
  const check = accessibleWithoutJs(browser);
  await signIn(page, AMBASSADOR);
  await writeDraft(page, check, title, word);
  await publish(page, check);
  await check(page);
  await context.close();

  await findAndPrint(browser, false, title, word);
});

test("the demo's longest fiches each print on one A4 page", async ({ browser }) => {
  // The forum santé (experience), the tables citoyennes (method) and the association of tenants (actor), from
  // tests/factories/demo-toolbox.ts.
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  for (const n of [4, 14, 23]) {
    await page.goto(`/boite-a-outils/7b0c0000-0000-4000-8000-${String(n).padStart(12, "0")}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(pdfPageCount(await page.pdf({ format: "A4" })), page.url()).toBe(1);
    await page.emulateMedia({ media: "screen" });
  }
  await context.close();
});
