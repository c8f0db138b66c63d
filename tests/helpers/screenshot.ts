/**
 * Look at a page as a resident would: `npx tsx tests/helpers/screenshot.ts <url> <out.png> [width] [height] [full]`.
 * Uses Debian's Chromium, like the e2e suite.
 */
import { chromium } from "playwright-core";

const [url, out, width = "390", height = "844", full = "1"] = process.argv.slice(2);
if (!url || !out) throw new Error("usage: screenshot.ts <url> <out.png> [width] [height] [full 0|1]");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, locale: "fr-FR" });
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === "1" });
await browser.close();
