import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The fault tests (npm run test:faults): not part of `npm test`; they start their own PostgreSQL and the built app.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: { alias: [{ find: /^#(.*)$/, replacement: fileURLToPath(new URL("../../$1", import.meta.url)) }] },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
