import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures.ts";

// A page reached by a client-side navigation (here the bell, from /compte) may need a translation namespace the previous page did not
// load. Until it arrives the previous page stays on screen (entry.client suspends in Remix's transition):
// never the new page with its raw keys.
test("a page reached without reloading never shows raw translation keys while its words load", async ({ page }) => {
  await signIn(page, "ambassadeur@labo.test");
  await page.goto("/compte");
  await page.waitForLoadState("networkidle");
  // The translation files arrive late, as on a slow phone connection.
  await page.route("**/resources/locales/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(document.querySelector("main h1")?.textContent?.trim() ?? "")).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  // The header's bell leads to the notifications, whose words (namespace "notifications") /compte never loaded.
  await page.getByRole("link", { name: /^Notifications,/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  // The same document all along (a reload would have dropped `seen`): the navigation ran in the page.
  const seen = await page.evaluate(() => (window as unknown as { seen?: string[] }).seen);
  expect(seen).toBeDefined();
  expect(seen!.length).toBeGreaterThan(0);
  // Every heading shown on the way is one of the two pages' own: never a key such as "title".
  const before = "Mon compte";
  expect([...new Set(seen)].filter((heading) => heading !== before && heading !== "Notifications")).toEqual([]);
});
