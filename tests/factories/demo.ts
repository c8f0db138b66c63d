import { eq } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import { users } from "#db/schema/index.ts";
import { insertUser, type UserFactoryInput } from "./users.ts";

/** One account per role, documented in the README. Never seeded in production unless SEED_DEMO=true. */
export const DEMO_PASSWORD = "labo-demo-2030";
export const DEMO_ACCOUNTS: (UserFactoryInput & { email: string })[] = [
  { email: "habitante@labo.test", displayName: "Nadia Benali", communeSlug: "lens", quartierCode: "QP062024" },
  { email: "ambassadeur@labo.test", displayName: "Karim Dupont", communeSlug: "avion", roles: [{ role: "ambassador", communeSlug: "avion" }, { role: "ambassador", communeSlug: "mazingarbe" }] },
  { email: "conseil@labo.test", displayName: "Sylvie Lefebvre", communeSlug: "lievin", quartierCode: "QP062028", roles: [{ role: "council_member", quartierCode: "QP062028" }] },
  { email: "reseau@labo.test", displayName: "Mehdi Kaddour", communeSlug: "avion", roles: [{ role: "network_member" }] },
  { email: "moderatrice@labo.test", displayName: "Claire Martin", communeSlug: "harnes", roles: [{ role: "moderator" }] },
  { email: "coordinateur@labo.test", displayName: "Julien Caron", roles: [{ role: "coordinator" }] },
  { email: "admin@labo.test", displayName: "Administratrice Labo", roles: [{ role: "administrator" }] },
];

export async function seedDemoAccounts(db: Db) {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).limit(1);
    if (existing.length) continue;
    await insertUser(db, { ...account, password: DEMO_PASSWORD, verified: true });
  }
}
