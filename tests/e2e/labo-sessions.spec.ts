import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, signIn } from "./fixtures.ts";

test.describe.configure({ timeout: 120_000 });

const AMBASSADOR = "ambassadeur@labo.test";

/** A date some days ahead, as the date input takes it, in Paris. */
function parisDate(daysAhead: number) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(Date.now() + daysAhead * 24 * 3600_000));
}

function unique(label: string) {
  return `${label} ${Date.now().toString(36)}`;
}

async function fillSession(page: Page, title: string, endTime: string) {
  await page.getByLabel("Titre", { exact: true }).fill(title);
  await page.getByLabel("Thème (facultatif)").fill("Propreté");
  await page.getByRole("checkbox", { name: /^4 / }).check();
  await page.getByLabel("Commune", { exact: true }).selectOption("avion");
  await page.getByLabel("Nom du lieu").fill("Salle Pablo-Picasso");
  await page.getByLabel("Adresse (facultatif)").fill("Rue Paul-Éluard, 62210 Avion");
  await page.getByLabel("Comment venir (facultatif)").fill("Bus ligne 10, arrêt Mairie.");
  await page.getByLabel("Date", { exact: true }).fill(parisDate(10));
  await page.getByLabel("Heure de début").fill("18:00");
  await page.getByLabel("Heure de fin").fill(endTime);
  await page.getByLabel("Nombre de places").fill("30");
  await page.getByLabel("Titre de l'atelier 1", { exact: true }).fill("Les dépôts sauvages");
  await page.getByLabel("Question de départ de l'atelier 1").fill("Où voyez-vous des dépôts sauvages dans le quartier ?");
  await page.getByLabel("Qui anime l'atelier 1 (facultatif)").fill("Amandine, centre social");
}

test("an ambassador announces a rendez-vous in Avion (an end before the start first); a visitor finds it by commune and opens it; it is moved, then cancelled", async ({ page, browser }) => {
  await signIn(page, AMBASSADOR);
  await page.goto("/labo");
  await page.getByRole("link", { name: "Créer un rendez-vous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Créer un rendez-vous du Labo" })).toBeVisible();
  await expectAccessible(page);

  const title = unique("Des rues propres, on s'y met");
  await fillSession(page, title, "17:00");
  await page.getByRole("button", { name: "Annoncer le rendez-vous" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("link", { name: "Heure de fin : L'heure de fin doit venir après l'heure de début." })).toBeVisible();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Nom du lieu")).toHaveValue("Salle Pablo-Picasso");
  await expectAccessible(page);

  await page.getByLabel("Heure de fin").fill("20:30");
  await page.getByRole("button", { name: "Annoncer le rendez-vous" }).click();
  await expect(page).toHaveURL(/\/labo\/[0-9a-f-]{36}$/);
  const sessionUrl = new URL(page.url()).pathname;
  await expect(page.locator(".flash")).toHaveText("Le rendez-vous est annoncé : il apparaît dans l'agenda.");
  await expect(page.getByRole("link", { name: "Modifier le rendez-vous" })).toBeVisible();
  await expectAccessible(page);

  // A visitor, on a phone.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await visitor.newPage();
  await phone.goto("/labo");
  await phone.getByLabel("Commune", { exact: true }).selectOption("avion");
  await phone.getByRole("button", { name: "Afficher" }).click();
  await expect(phone).toHaveURL(/\/labo\?commune=avion/);
  await expect(phone.getByRole("link", { name: title })).toBeVisible();
  // The rendez-vous in Mazingarbe is filtered out.
  await expect(phone.getByRole("link", { name: /Jeunes et premier emploi/ })).toHaveCount(0);
  await expectAccessible(phone);
  await phone.goto("/labo");
  await phone.screenshot({ path: "/work/shots/labo-agenda-390.png", fullPage: true });

  await phone.goto("/labo?commune=avion");
  await phone.getByRole("link", { name: title }).click();
  await expect(phone).toHaveURL(new RegExp(`${sessionUrl}$`));
  await expect(phone.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(phone.getByText("Salle Pablo-Picasso, Avion")).toBeVisible();
  await expect(phone.getByText("Bus ligne 10, arrêt Mairie.")).toBeVisible();
  await expect(phone.getByText("Il reste 30 places.")).toBeVisible();
  await expect(phone.getByRole("heading", { name: "Les dépôts sauvages" })).toBeVisible();
  await expect(phone.getByRole("link", { name: "M'inscrire (avec ou sans compte)" })).toHaveAttribute("href", `${sessionUrl}/inscription`);
  await expect(phone.getByRole("link", { name: "Modifier le rendez-vous" })).toHaveCount(0);
  await expectAccessible(phone);
  await phone.screenshot({ path: "/work/shots/labo-session-390.png", fullPage: true });

  // The ambassador moves it to another room, then cancels it with a reason the visitor sees.
  await page.getByRole("link", { name: "Modifier le rendez-vous" }).click();
  await expect(page.getByLabel("Nom du lieu")).toHaveValue("Salle Pablo-Picasso");
  await expect(page.getByLabel("Heure de fin")).toHaveValue("20:30");
  await expectAccessible(page);
  await page.getByLabel("Nom du lieu").fill("Médiathèque Jean-Ferrat");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.locator(".flash")).toHaveText("Les modifications sont enregistrées.");
  await expect(page.getByText("Médiathèque Jean-Ferrat, Avion")).toBeVisible();
  await page.getByRole("link", { name: "Modifier le rendez-vous" }).click();
  await page.getByLabel("Raison de l'annulation").fill("Salle indisponible, nouvelle date bientôt.");
  await page.getByRole("button", { name: "Annuler le rendez-vous" }).click();
  await expect(page.locator(".flash")).toHaveText("Le rendez-vous est annulé.");

  await phone.goto(sessionUrl);
  await expect(phone.getByText("Ce rendez-vous est annulé.")).toBeVisible();
  await expect(phone.getByText("Raison : Salle indisponible, nouvelle date bientôt.")).toBeVisible();
  await expect(phone.getByRole("link", { name: "M'inscrire (avec ou sans compte)" })).toHaveCount(0);
  await phone.goto("/labo?commune=avion");
  await expect(phone.getByRole("listitem").filter({ has: phone.getByRole("link", { name: title }) }).getByText("Annulé")).toBeVisible();
  await visitor.close();
});

test("the session form works without JavaScript: errors with values kept, one more atelier row, then saved as a draft", async ({ browser }) => {
  // On a phone: ambassadors prepare sessions on the go.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signIn(page, AMBASSADOR);
  await page.goto("/labo/nouveau");
  const title = unique("Sans JavaScript");
  await fillSession(page, title, "17:30");
  await page.getByLabel("Nombre de places").fill("0");
  await page.getByRole("button", { name: "Annoncer le rendez-vous" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Le formulaire contient 2 erreurs" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Nombre de places : Il faut au moins une place." })).toBeVisible();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Titre de l'atelier 1", { exact: true })).toHaveValue("Les dépôts sauvages");
  await expectAccessibleWithoutJs(browser, page);
  await page.screenshot({ path: "/work/shots/labo-form-errors-390.png", fullPage: true });

  await page.getByLabel("Heure de fin").fill("20:00");
  await page.getByLabel("Nombre de places").fill("25");
  await expect(page.getByLabel("Titre de l'atelier 4", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Ajouter un atelier" }).click();
  await expect(page.getByLabel("Titre de l'atelier 4", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Titre", { exact: true })).toHaveValue(title);
  await expect(page.getByLabel("Nombre de places")).toHaveValue("25");
  await page.getByLabel("Titre de l'atelier 4", { exact: true }).fill("Les poubelles");
  await page.getByLabel("Question de départ de l'atelier 4").fill("Les horaires de collecte vous conviennent-ils ?");
  await expectAccessibleWithoutJs(browser, page);

  await page.getByRole("button", { name: "Enregistrer comme brouillon" }).click();
  await expect(page).toHaveURL(/\/labo\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Ce rendez-vous est un brouillon")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Les poubelles" })).toBeVisible();
  // Its author finds it among their drafts, to finish it later; the public agenda does not show it.
  await page.goto("/labo");
  await expect(page.getByRole("region", { name: "Vos brouillons" }).getByRole("link", { name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveCount(1);
  await expectAccessibleWithoutJs(browser, page);
  const visitor = await browser.newPage();
  await visitor.goto("/labo");
  await expect(visitor.getByRole("link", { name: title })).toHaveCount(0);
  await expect(visitor.getByRole("region", { name: "Vos brouillons" })).toHaveCount(0);
  await visitor.close();
  await context.close();
});
