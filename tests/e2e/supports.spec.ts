import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectAccessibleWithoutJs, signIn } from "./fixtures.ts";

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const signInTo = (proposalId: string) => `/connexion?${new URLSearchParams({ redirectTo: `/propositions/${proposalId}` })}`;

// The resource routes, through the browser's own request context (its cookies, this site's Origin).
test.describe("the support and follow routes", () => {
  test("anonymous posts are sent to sign in, then back to the proposal; posts from another site are refused", async ({ request, baseURL }) => {
    for (const route of ["soutien", "suivi"]) {
      const response = await request.post(`/propositions/${UNKNOWN_ID}/${route}`, {
        form: { intent: route === "soutien" ? "support" : "follow" },
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
      expect(response.headers().location).toBe(signInTo(UNKNOWN_ID));
      const forged = await request.post(`/propositions/${UNKNOWN_ID}/${route}`, { form: { intent: "support" }, headers: { Origin: "https://ailleurs.example" }, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
    }
  });

  test("signed in: unknown and malformed proposals are 404, a bad form is 400, a GET goes to the proposal page", async ({ page, baseURL }) => {
    await signIn(page, "habitante@labo.test");
    await expectAccessible(page);
    const post = (path: string, form: Record<string, string>) => page.request.post(path, { form, headers: { Origin: baseURL! }, maxRedirects: 0 });
    // With JavaScript the page posts through a fetcher, which asks for the route's data (?_data=route id);
    // a plain post gets a page (the routes have a component so that their 404 and 429 are error pages).
    const fetcherPost = (path: string, route: "soutien" | "suivi", form: Record<string, string>) => post(`${path}?_data=${encodeURIComponent(`routes/propositions.$id.${route}`)}`, form);

    const withJs = await fetcherPost(`/propositions/${UNKNOWN_ID}/soutien`, "soutien", { intent: "support", _js: "1" });
    expect(withJs.status()).toBe(404);
    expect(await withJs.json()).toEqual({ error: "supports:errors.notFound" });
    const plain = await post(`/propositions/${UNKNOWN_ID}/soutien`, { intent: "support" });
    expect(plain.status()).toBe(404);
    expect(await plain.text()).toContain("Page introuvable");
    expect((await fetcherPost(`/propositions/${UNKNOWN_ID}/suivi`, "suivi", { intent: "follow", _js: "1" })).status()).toBe(404);
    expect((await post("/propositions/pas-un-identifiant/soutien", { intent: "support" })).status()).toBe(404);
    const bad = await fetcherPost(`/propositions/${UNKNOWN_ID}/soutien`, "soutien", { intent: "tout-casser", _js: "1" });
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toEqual({ error: "supports:errors.invalid" });

    const get = await page.request.get(`/propositions/${UNKNOWN_ID}/soutien`, { maxRedirects: 0 });
    expect(get.status()).toBe(302);
    expect(get.headers().location).toBe(`/propositions/${UNKNOWN_ID}`);
  });
});

// ---------------------------------------------------------------------------------------------------
// The journeys on the proposal page. The page belongs to the proposals area: enable after the proposal
// page is merged (with SupportButton and FollowButton plugged into its supports slot, and proposals in
// the demo data). Selectors for the proposal list may need adjusting then.

/** Opens a published proposal from the list, one the given demo account did not write. */
// A demo proposal that stays open whatever other specs did before (the newest ones change).
const OPEN_DEMO_PROPOSAL = "Réparer l'éclairage des allées de la Grande Résidence";

async function openAProposal(page: Page) {
  await page.goto(`/propositions?q=${encodeURIComponent("éclairage allées Grande Résidence")}`);
  await page.getByRole("link", { name: OPEN_DEMO_PROPOSAL }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.url();
}

const countOf = async (page: Page) => Number((await page.locator(".support-count").first().innerText()).match(/\d+/)![0]);


test.describe("supporting from the proposal page", () => {
  test.describe.configure({ timeout: 120_000 });

  // enable after the proposal page is merged
  test("a resident supports: the count moves at once, the button shows pressed, and it stays after a reload", async ({ page }) => {
    await signIn(page, "conseil@labo.test");
    await openAProposal(page);
    await page.waitForSelector('input[name="_js"]', { state: "attached" }); // hydrated
    await expectAccessible(page);
    const button = page.getByRole("button", { name: "Je soutiens" });
    const before = await countOf(page);
    const pressedBefore = (await button.getAttribute("aria-pressed")) === "true";
    if (pressedBefore) {
      // A previous run left a support: start from "not supported".
      await button.click();
      await expect(button).toHaveAttribute("aria-pressed", "false");
    }
    const start = pressedBefore ? before - 1 : before;
    await expect.poll(() => countOf(page)).toBe(start);

    // The server answers slowly: the page must not wait for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/soutien*", async (route) => {
      await held;
      await route.continue();
    });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    expect(await countOf(page)).toBe(start + 1);
    release();
    await expect(page.getByRole("status").filter({ hasText: "Votre soutien est enregistré" })).toBeVisible();
    await page.unroute("**/soutien*");
    await expectAccessible(page);

    await page.reload();
    await expect(page.getByRole("button", { name: "Je soutiens" })).toHaveAttribute("aria-pressed", "true");
    expect(await countOf(page)).toBe(start + 1);

    // Withdrawing; then a refusal from the server puts the button back as it was, and says why.
    await page.getByRole("button", { name: "Je soutiens" }).click();
    await expect(page.getByRole("button", { name: "Je soutiens" })).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByRole("status").filter({ hasText: "Votre soutien est retiré." })).toBeVisible();
    await page.route("**/soutien*", (route) =>
      // As the server answers a refusal (X-Remix-Response marks it as the action's data, not a crash).
      route.fulfill({ status: 409, headers: { "Content-Type": "application/json; charset=utf-8", "X-Remix-Response": "yes" }, body: JSON.stringify({ error: "supports:errors.closed" }) }),
    );
    await page.getByRole("button", { name: "Je soutiens" }).click();
    await expect(page.getByRole("status").filter({ hasText: "ne reçoit plus de soutiens" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Je soutiens" })).toHaveAttribute("aria-pressed", "false");
    expect(await countOf(page)).toBe(start);
  });

  // enable after the proposal page is merged
  test("without JavaScript the support button is a plain form that comes back to the page", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "moderatrice@labo.test");
    const url = await openAProposal(page);
    await expectAccessibleWithoutJs(browser, page);
    const before = await countOf(page);
    const button = page.getByRole("button", { name: "Je soutiens" });
    const supported = (await button.getAttribute("aria-pressed")) === "true";

    await button.click();
    await expect(page).toHaveURL(url);
    await expect(page.locator(".flash")).toHaveText(supported ? "Votre soutien est retiré." : /Merci ! /);
    expect(await countOf(page)).toBe(supported ? before - 1 : before + 1);
    await expectAccessibleWithoutJs(browser, page);

    await page.getByRole("button", { name: "Je soutiens" }).click();
    await expect(page.locator(".flash")).toHaveText(supported ? /Merci ! / : "Votre soutien est retiré.");
    expect(await countOf(page)).toBe(before);

    await page.getByRole("button", { name: "Suivre cette proposition" }).click();
    await expect(page.locator(".flash")).toHaveText(/Vous (suivez|ne suivez plus) cette proposition/);
    await context.close();
  });

  // enable after the proposal page is merged
  test("anonymous visitors see the count and a link to sign in that brings them back", async ({ page }) => {
    const url = await openAProposal(page);
    await expect(page.locator(".support-count")).toBeVisible();
    await page.getByRole("link", { name: "Connectez-vous pour soutenir" }).click();
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fpropositions%2F/);
    await expectAccessible(page);
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(new URL(url).pathname);
  });
});
