/** The benchmark's database: PostgreSQL, migrated, the referential, then --scale data (reused when it is already there). */
import { randomBytes } from "node:crypto";
import { count, like, sql } from "drizzle-orm";
import postgres from "postgres";
import { createDb } from "#db/client.ts";
import { migrateDb } from "#db/migrate.ts";
import { proposals, roleGrants, sessions, users } from "#db/schema/index.ts";
import { seedReferential } from "#db/seed.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import { seedScale, seedScaleGovernance } from "#db/seed-scale.ts";

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
    // A database seeded before the feedback loop existed: its qualified proposals get their steps.
    await seedScaleGovernance(handle.db, (line) => log(`  ${line}`));
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
  // The GTP secretariat's view (the governance queue): one coordinator.
  await handle.db
    .insert(users)
    .values({ id: "bench-coordinator", email: "coordinatrice@scale.labo.test", displayName: "Coordinatrice", emailVerifiedAt: new Date(), charterVersion: CHARTER_VERSION, charterAcceptedAt: new Date() })
    .onConflictDoNothing();
  await handle.db.insert(roleGrants).values({ userId: "bench-coordinator", role: "coordinator" }).onConflictDoNothing();
  const coordinatorSession = randomBytes(20).toString("hex");
  await handle.db.insert(sessions).values({ id: coordinatorSession, userId: "bench-coordinator", expiresAt: new Date(Date.now() + 86_400_000) });
  await handle.close();
  return { url: url.toString(), cookies, coordinatorCookie: `labo_session=${coordinatorSession}` };
}
