import postgres from "postgres";

// Environment first, then the app: modules read it once at import.
process.env.NODE_ENV = "test";
process.env.SEED_DEMO = "false";
process.env.PGLITE_DATA_DIR = "memory://";
process.env.APP_URL = "http://localhost:3000";

const g = globalThis as unknown as { __laboTestDbReady?: boolean };
const runId = process.env.LABO_TEST_RUN;
const adminUrl = process.env.LABO_TEST_ADMIN_URL;
if (runId && adminUrl && !g.__laboTestDbReady) {
  const name = `${runId}_${process.env.VITEST_POOL_ID ?? "0"}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
}
g.__laboTestDbReady = true;
