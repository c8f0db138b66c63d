import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "labo-demo-2030";

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
}

/** Zero axe violations (WCAG 2.1 A and AA rules) on the page as it is now. */
export async function expectAccessible(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The same for a page shown without JavaScript: axe needs JavaScript in the page it checks, so it checks
 * a copy of what the server sent (scripts removed) in a page of the same site, where the stylesheet applies.
 */
export async function expectAccessibleWithoutJs(browser: Browser, page: Page) {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const context = await browser.newContext();
  const copy = await context.newPage();
  await copy.goto("/healthz");
  await copy.setContent(html, { waitUntil: "load" });
  const violations = await axeViolations(copy);
  await context.close();
  expect(violations, `axe violations on ${page.url()} (without JavaScript)`).toEqual([]);
}

/** A page check for journeys that run with or without JavaScript. */
export type AccessibilityCheck = (page: Page) => Promise<void>;
export const accessibleWithoutJs =
  (browser: Browser): AccessibilityCheck =>
  (page) =>
    expectAccessibleWithoutJs(browser, page);

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  // Signed in once the sign-in page has sent us elsewhere.
  await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
}

/**
 * Waits until the page is interactive: forms then add their `_js` marker (app/components/js-marker.tsx).
 * Before that a click posts the plain form, as without JavaScript, which a JavaScript journey must not test.
 */
export async function hydrated(page: Page) {
  await page.waitForSelector('input[name="_js"]', { state: "attached" });
}
