import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: { alias: [{ find: /^#(.*)$/, replacement: fileURLToPath(new URL("../$1", import.meta.url)) }] },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "emails/**/*.test.{ts,tsx}", "tests/unit/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/vitest.setup.ts", "tests/setup/db.ts"],
    environment: "node",
    pool: "forks",
    // One database per worker, reused across its files; each test starts from a clean, seeded state.
    isolate: false,
    fileParallelism: true,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    restoreMocks: true,
  },
});
