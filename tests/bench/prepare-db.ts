/** The benchmark's database: PostgreSQL, migrated, the referential, then --scale data (reused when it is already there). */
import { randomBytes } from "node:crypto";
import { count, like, sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "#db/client.ts";
import { migrateDb } from "#db/migrate.ts";
import { proposals, sessions } from "#db/schema/index.ts";
import { seedReferential } from "#db/seed.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { seedScale } from "#db/seed-scale.ts";

export async function prepareBenchDatabase({ adminUrl, name, scale, fresh, log }: { adminUrl: string; name: string; scale: number; fresh: boolean; log: (s: string) => void }) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  if (fresh && exists) await admin.unsafe(`drop database "${name}" with (force)`);
  if (fresh || !exists) await admin.unsafe(`create database "${name}"`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ url: url.toString(), pgliteDir: "memory://", max: 4 });
  await migrateDb(handle);
  await seedReferential(handle.db);
  const [{ n }] = (await handle.db.select({ n: count() }).from(proposals).where(like(proposals.authorId, "scale-%"))) as [{ n: number }];
  if (n !== scale) {
    if (n > 0) throw new Error(`${name} holds ${n} scale proposals, not ${scale}: run with --fresh`);
    log(`Seeding ${scale} proposals…`);
    await seedScale(handle.db, scale, (line) => log(`  ${line}`), { charterVersion: CHARTER_VERSION });
  } else {
    log(`Reusing ${name} (${n} proposals).`);
    // A database made before the charter existed, or before its last version: its residents accept it.
    await handle.db.execute(sql`update users set charter_version = ${CHARTER_VERSION}, charter_accepted_at = now() where id like 'scale-%' and coalesce(charter_version, 0) < ${CHARTER_VERSION}`);
  }

  // What autovacuum does in production (it may be off on a test server: the seed's counter updates then leave
  // two dead row versions per proposal, which triples the rows an index scan visits and rules out
  // index-only scans). Also clears what the previous run's support toggles left behind.
  log("Vacuum analyze…");
  await handle.db.execute(sql`vacuum (analyze) proposals, supports, contributions, proposal_follows, proposal_events, sessions, rate_limits, users`);

  // Signed-in load: one session for each of the first 1,000 scale users.
  const cookies: string[] = [];
  const rows = Array.from({ length: 1000 }, (_, i) => ({ id: randomBytes(20).toString("hex"), userId: `scale-${i + 1}`, expiresAt: new Date(Date.now() + 86_400_000) }));
  await handle.db.insert(sessions).values(rows);
  for (const r of rows) cookies.push(`labo_session=${r.id}`);
  await handle.close();
  return { url: url.toString(), cookies };
}
