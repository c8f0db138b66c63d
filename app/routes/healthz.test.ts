import { expect, test } from "vitest";
import { loader } from "./healthz.ts";

test("healthz answers 200 with the engine in use", async () => {
  const response = await loader();
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.ok).toBe(true);
  expect(["pglite", "postgresql"]).toContain(body.database);
  expect(body.database).toBe(process.env.DATABASE_URL ? "postgresql" : "pglite");
});
