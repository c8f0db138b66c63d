import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./fixtures.ts";


// axe runs in the page, so it cannot check a page without JavaScript: the same pages are checked in the
// journey with JavaScript.
async function openResident(page: Page, { axe = true } = {}) {
  const check = axe ? expectAccessible : async () => {};
  await page.goto("/admin/utilisateurs");
  await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs et rôles" })).toBeVisible();
  await check(page);
  await page.getByLabel("Nom ou adresse e-mail").fill("habitante@labo.test");
  await page.getByRole("button", { name: "Rechercher" }).click();
  await expect(page.getByText("1 personne trouvée")).toBeVisible();
  await check(page);
  await page.getByRole("link", { name: "Nadia Benali" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nadia Benali" })).toBeVisible();
  await check(page);
}

test("an administrator grants a resident the ambassador role for Lens, then revokes it", async ({ page }) => {
  await signIn(page, "admin@labo.test");
  await openResident(page);

  await expect(page.getByText("Aucun autre rôle : cette personne est habitant·e.")).toBeVisible();
  // With JavaScript, the commune field appears only for an ambassador.
  await expect(page.getByLabel("Commune", { exact: true })).toHaveCount(0);
  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Ambassadeur·rice" });
  await expect(page.getByLabel("Quartier prioritaire", { exact: true })).toHaveCount(0);
  await page.getByLabel("Commune", { exact: true }).selectOption({ label: "Lens" });
  await page.getByRole("button", { name: "Donner ce rôle" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Le rôle a été donné." })).toBeVisible();
  const roles = page.getByRole("list", { name: "Rôles de Nadia Benali" });
  await expect(roles.getByRole("listitem").filter({ hasText: "Ambassadeur·rice — Lens" })).toBeVisible();
  await expectAccessible(page);

  // Revoking asks for confirmation first.
  await roles.locator("summary", { hasText: "Ambassadeur·rice — Lens" }).click();
  await expect(page.getByText("Retirer le rôle « Ambassadeur·rice — Lens » à Nadia Benali ?", { exact: false })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Oui, retirer ce rôle" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Le rôle a été retiré." })).toBeVisible();
  await expect(page.getByText("Aucun autre rôle : cette personne est habitant·e.")).toBeVisible();
  await expectAccessible(page);
});

test("without JavaScript, a missing commune is reported next to its field", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "admin@labo.test");
  await openResident(page, { axe: false });

  await page.getByLabel("Rôle", { exact: true }).selectOption({ label: "Ambassadeur·rice" });
  await page.getByRole("button", { name: "Donner ce rôle" }).click();
  const commune = page.getByLabel("Commune", { exact: true });
  await expect(commune).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#communeSlug-error")).toHaveText(/Choisissez la commune de l'ambassadeur·rice\./);
  await expect(page.getByRole("alert").getByRole("link", { name: /Commune/ })).toBeVisible();
  await expect(page.getByLabel("Rôle", { exact: true })).toHaveValue("ambassador");

  await commune.selectOption({ label: "Lens" });
  await page.getByRole("button", { name: "Donner ce rôle" }).click();
  await expect(page.getByText("Le rôle a été donné.")).toBeVisible();
  await context.close();
});

test("a moderator may not open the roles administration", async ({ page }) => {
  await signIn(page, "moderatrice@labo.test");
  const response = await page.goto("/admin/utilisateurs");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();
  await expectAccessible(page);
});
