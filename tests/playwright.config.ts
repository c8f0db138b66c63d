import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium was not found at ${CHROMIUM}. Install Debian's package with:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or point CHROMIUM_PATH at another Chromium binary).`,
  );
}

const PORT = Number(process.env.E2E_PORT ?? 3210);
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // The production build on a fresh in-memory database, with the demo accounts: their password is
    // public, so the server listens on loopback only (app/env.server.ts refuses anything else).
    command: "npm run build && node --import tsx app/server.ts",
    cwd: root,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "localhost",
      NODE_ENV: "production",
      PGLITE_DATA_DIR: "memory://",
      SEED_DEMO: "true",
      APP_URL: `http://localhost:${PORT}`,
      APP_SECRET: "e2e-secret-for-signed-links-not-for-production",
      // Access lines (one per request) would bury the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
      RATE_LIMIT_FACTOR: "20",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
