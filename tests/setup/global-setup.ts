import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * With DATABASE_URL, every worker gets its own throw-away database named after this run; they are all
 * dropped at the end. Without it, each worker uses an in-memory PGlite and there is nothing to clean.
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const runId = `labo_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  process.env.LABO_TEST_RUN = runId;
  process.env.LABO_TEST_ADMIN_URL = url;
  return async () => {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${runId}%`}`;
      for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    } finally {
      await admin.end();
    }
  };
}
