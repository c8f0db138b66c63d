import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Two app processes on one PostgreSQL (`npm run test:instances`, after `npm run build`). Not part of `npm test`:
 * it needs a build and a PostgreSQL server, and it makes its own database instead of the suite's per-worker ones.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: { alias: [{ find: /^#(.*)$/, replacement: fileURLToPath(new URL("../../$1", import.meta.url)) }] },
  test: {
    include: ["tests/multi-instance/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
