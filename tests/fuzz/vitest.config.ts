import { defineConfig } from "vitest/config";
import main from "../vitest.config.ts";

// The fuzz suite: the main suite's setup (a migrated, seeded database per worker, reset before each test),
// its own files, and the time a few thousand requests take.
export default defineConfig({
  ...main,
  test: {
    ...main.test,
    include: ["tests/fuzz/**/*.test.ts"],
    testTimeout: 120_000,
    // React Router warns of each path with malformed percent-encoding it is sent (then answers 404): the
    // fuzz sends hundreds on purpose.
    onConsoleLog: (log) => !log.startsWith('The URL path "'),
  },
});
