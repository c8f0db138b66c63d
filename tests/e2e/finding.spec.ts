import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./fixtures.ts";

/** The list is read-only: it ships no JavaScript at all (no script, no module preload). */
async function expectNoJavaScript(page: Page) {
  await expect(page.locator("script")).toHaveCount(0);
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
}

// A word no demo proposal will ever contain: the empty state, whatever the data.
const NOTHING = "xylophone introuvable";

for (const javaScriptEnabled of [true, false]) {
  test(`the proposals list: search, filters, chips and the empty state${javaScriptEnabled ? "" : " (without JavaScript)"}`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
    const page = await context.newPage();
    // axe runs inside the page: without JavaScript it cannot, and the HTML is the same as with it.
    const check = (p: Page) => (javaScriptEnabled ? expectAccessible(p) : Promise.resolve());
    await page.goto("/propositions");
    await expect(page).toHaveTitle(/^Propositions · /);
    await expect(page.getByRole("heading", { level: 1, name: "Propositions" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Proposer une idée" }).first()).toHaveAttribute("href", "/propositions/nouvelle");
    await expect(page.locator(".result-count")).toHaveText(/^(Aucune proposition|\d[\d\s\u202f]* propositions?)/);
    await expectNoJavaScript(page);
    await check(page);

    // A search that finds nothing: the title, the count and the empty state say so.
    await page.getByLabel("Rechercher une proposition").fill(NOTHING);
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/\/propositions\?q=xylophone\+introuvable$/);
    await expect(page).toHaveTitle(`Propositions — « ${NOTHING} » · Labo de la participation`);
    await expect(page.locator(".result-count")).toHaveText(`Aucune proposition pour « ${NOTHING} »`);
    await expect(page.getByRole("heading", { level: 3, name: "Aucune proposition ne correspond" })).toBeVisible();
    await expect(page.getByText("Retirez un filtre, ou essayez d'autres mots.")).toBeVisible();
    await expect(page.locator(".empty-state").getByRole("link", { name: "Proposer une idée" })).toHaveAttribute("href", "/propositions/nouvelle");
    await check(page);

    // Filters, kept with the search; the address stays short (no empty fields) and can be shared.
    await page.getByText("Filtrer par ambition, quartier, étape…").click();
    await page.getByLabel("Ambition").selectOption({ label: "8. Améliorer le cadre de vie et l'habitat" });
    await page.getByLabel("Quartier prioritaire").selectOption({ label: "Cité 12-14" });
    await page.getByLabel("Étape").selectOption({ label: "En attente d'une réponse" });
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/\/propositions\?q=xylophone\+introuvable&ambition=8&quartier=QP062024&statut=en-attente$/);
    const chips = page.getByRole("list", { name: "Filtres choisis" });
    await expect(chips.getByRole("listitem")).toHaveText([
      `Recherche : « ${NOTHING} » retirer le filtre Recherche : « ${NOTHING} »`,
      "Ambition 8 : Améliorer le cadre de vie et l'habitat retirer le filtre Ambition 8 : Améliorer le cadre de vie et l'habitat",
      "Quartier : Cité 12-14 retirer le filtre Quartier : Cité 12-14",
      "Étape : En attente d'une réponse retirer le filtre Étape : En attente d'une réponse",
    ]);
    // The selects show what is chosen (the pilier follows the ambition).
    await expect(page.getByLabel("Pilier")).toHaveValue("2");
    await expect(page.getByLabel("Ambition")).toHaveValue("8");
    await expectNoJavaScript(page);
    await check(page);

    // "retirer" takes one filter away and keeps the others.
    await chips.getByRole("link", { name: `retirer le filtre Recherche : « ${NOTHING} »` }).click();
    await expect(page).toHaveURL(/\/propositions\?ambition=8&quartier=QP062024&statut=en-attente$/);
    await expect(page).toHaveTitle(/^Propositions · /);
    await page.getByRole("link", { name: "Retirer tous les filtres" }).click();
    await expect(page).toHaveURL(/\/propositions$/);

    // An address that is not understood is said so, never an error page.
    const response = await page.goto("/propositions?ambition=99&tri=hasard&apres=n-importe-quoi");
    expect(response?.status()).toBe(200);
    await expect(page.getByText("Une partie de l'adresse n'a pas été comprise. Elle n'est pas appliquée : tri, ambition.")).toBeVisible();
    await check(page);
    await context.close();
  });
}

test("the ambition and quartier pages link to their proposals", async ({ page }) => {
  await page.goto("/ambitions/8");
  const section = page.getByRole("region", { name: "Les propositions de cette ambition" });
  await expect(section).toBeVisible();
  await expect(section.getByRole("link", { name: "Proposer une idée" })).toHaveAttribute("href", "/propositions/nouvelle?ambition=8");
  await expectNoJavaScript(page);
  await expectAccessible(page);
  await page.goto("/quartiers/QP062024");
  await expect(page.getByRole("region", { name: "Les propositions pour ce quartier" })).toBeVisible();
  await expectAccessible(page);
});

// A resident's own lists need sign-in and some proposals: the account page shows them once they exist.
test("a signed-out visitor asking for their own lists is sent to sign in", async ({ page }) => {
  await page.goto("/compte/propositions?liste=soutiens");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fcompte%2Fpropositions%3Fliste%3Dsoutiens$/);
});

// Uses the demo proposals seeded at start.
test("a visitor finds a proposal by words and filters, and opens it (with and without JavaScript)", async ({ browser }) => {
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ javaScriptEnabled, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto("/propositions");
    await page.getByLabel("Rechercher une proposition").fill("bancs");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveTitle(/^Propositions — « bancs »/);
    await expect(page.locator(".proposal-card").first()).toBeVisible();
    await expect(page.locator(".proposal-card mark").first()).toBeVisible();
    if (javaScriptEnabled) await expectAccessible(page);

    await page.getByText("Filtrer par ambition, quartier, étape…").click();
    await page.getByLabel("Ambition", { exact: true }).selectOption("8");
    await page.getByLabel("Quartier prioritaire").selectOption("QP062024");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/ambition=8&quartier=QP062024/);
    await expect(page.locator(".result-count")).toHaveText(/^\d+ propositions? pour « bancs »/);
    // The counts per filter link to the same search with one more filter.
    await expect(page.getByRole("complementary", { name: "Affiner" })).toBeVisible();
    if (javaScriptEnabled) await expectAccessible(page);

    const first = page.locator(".proposal-card").first();
    const title = (await first.getByRole("heading").textContent())!.trim();
    await first.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(/\/propositions\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    if (javaScriptEnabled) await expectAccessible(page);

    // Deep in the list: "Suivantes", then back to the start.
    await page.goto("/propositions?tri=soutenues");
    await page.getByRole("link", { name: "Suivantes" }).click();
    await expect(page).toHaveURL(/apres=/);
    await page.getByRole("link", { name: "Revenir au début" }).click();
    await expect(page).toHaveURL(/\/propositions\?tri=soutenues$/);
    await context.close();
  }
});
