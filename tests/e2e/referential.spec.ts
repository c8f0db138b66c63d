import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures.ts";

test("a visitor finds the ambitions and the quartiers from the home page", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Découvrir les 12 ambitions" }).click();
  await expect(page).toHaveURL(/\/ambitions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Les ambitions du contrat de ville" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Pilier 1/ })).toBeVisible();
  await expect(page.locator(".ambition-list > li")).toHaveCount(12);
  await expectAccessible(page);

  await page.getByRole("link", { name: /Sensibiliser aux questions de santé/ }).click();
  await expect(page).toHaveURL(/\/ambitions\/4$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sensibiliser aux questions de santé / bien-être");
  await expect(page.getByText("Une proposition qui reçoit 25 soutiens est examinée par le groupe technique partenarial (GTP).")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Les ambitions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /Ambition suivante/ }).click();
  await expect(page).toHaveURL(/\/ambitions\/5$/);

  await page.getByRole("navigation", { name: "Menu principal" }).getByRole("link", { name: "Les quartiers" }).click();
  await expect(page).toHaveURL(/\/quartiers$/);
  await expect(page.getByRole("heading", { level: 1, name: "Les quartiers prioritaires" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^Lens/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Cité 12-14", exact: true }).click();
  await expect(page).toHaveURL(/\/quartiers\/QP062024$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cité 12-14");
  await expect(page.getByText("QP062024")).toBeVisible();
  await expect(page.getByText(/fait partie du Nouveau programme national de renouvellement urbain/)).toBeVisible();
  await expectAccessible(page);
});

test("the governance bodies page explains the path of a proposal", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qui décide ? Les instances du contrat de ville");
  await expect(page.getByRole("heading", { level: 3, name: "Groupe technique partenarial (GTP)" })).toBeVisible();
  await expectAccessible(page);
});

test("in English, the interface changes and the referential is marked as French", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/ambitions/3");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
  await expect(page.getByText(/A proposal that receives 25 supports/)).toBeVisible();
  await expectAccessible(page);
  await page.goto("/quartiers/qp062028");
  await expect(page).toHaveURL(/\/quartiers\/QP062028$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "fr");
  await expectAccessible(page);
  await context.close();
});

test("unknown ambitions and quartiers are 404 pages", async ({ page }) => {
  for (const path of ["/ambitions/13", "/ambitions/abc", "/quartiers/QP999999"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
  }
});

test("an administrator corrects an ambition, sees it on the public page and in the journal", async ({ page }) => {
  // The sign-in form is built on another branch: until it is merged here, this journey cannot sign in.
  const signInPage = await page.request.get("/connexion");
  test.fixme(signInPage.status() === 404, "needs the /connexion sign-in form (accounts branch)");

  await signIn(page, "admin@labo.test");
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
  await page.goto("/admin/referentiel");
  await expect(page.getByRole("heading", { level: 1, name: "Référentiel du contrat" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Lutter contre le non-recours, mieux repérer et aller-vers" }).click();
  await expect(page).toHaveURL(/\/admin\/referentiel\/ambitions\/3$/);
  await expect(page.getByRole("heading", { level: 1, name: "Modifier l'ambition 3" })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: the errors are listed and shown next to the fields, accessibly.
  await page.getByLabel("Intitulé").fill("");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("alert")).toContainText("Intitulé : Ce champ est obligatoire.");
  await expectAccessible(page);

  const title = "Aller vers chaque habitant <et> lui ouvrir ses droits";
  await page.getByLabel("Intitulé").fill(title);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page).toHaveURL(/\/admin\/referentiel$/);
  await expect(page.getByRole("status")).toHaveText(/C'est enregistré/);

  await page.goto("/ambitions/3");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await page.goto("/admin/journal");
  const entry = page.locator(".audit-entry").first();
  await expect(entry.getByRole("heading")).toHaveText("Modification : Ambition 3");
  await expect(entry).toContainText("Administratrice Labo");
  await expect(entry).toContainText("Lutter contre le non-recours, mieux repérer et aller-vers");
  await expect(entry).toContainText(title);
  await expectAccessible(page);
});
