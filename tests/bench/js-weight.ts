/**
 * JavaScript a browser downloads for given pages (gzip), read from the production build's manifest
 * through the served HTML. Usage: BASE_URL=http://localhost:3000 npx tsx tests/bench/js-weight.ts / /ambitions
 */
import { gzipSync } from "node:zlib";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/"];

for (const path of paths) {
  const html = await (await fetch(new URL(path, base))).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"([^"]+\.js)"/g)) urls.add(m[1]!);
  let raw = 0;
  let gz = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url, base))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  console.log(`${path}\t${urls.size} files\t${(raw / 1024).toFixed(1)} KiB raw\t${(gz / 1024).toFixed(1)} KiB gzip`);
}
