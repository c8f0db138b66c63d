import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { listCommunes, listQuartiers } from "#app/modules/referential/referential-queries.server.ts";
import { communes, quartiers, users } from "#db/schema/index.ts";

/** What the account page shows: the person's own data, with the names of their commune and quartier. */
export async function getAccount(userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      emailVerified: users.emailVerifiedAt,
      hasPassword: users.passwordHash,
      locale: users.locale,
      communeSlug: users.communeSlug,
      communeName: communes.name,
      quartierCode: users.quartierCode,
      quartierName: quartiers.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(communes, eq(communes.slug, users.communeSlug))
    .leftJoin(quartiers, eq(quartiers.code, users.quartierCode))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  // Never hand the hash itself to a page.
  return { ...row, emailVerified: row.emailVerified !== null, hasPassword: row.hasPassword !== null };
}

// Alphabetical as a French reader expects it ("Bénifontaine" before "Billy-Montigny"), whatever the
// database's collation.
const frenchOrder = new Intl.Collator("fr", { sensitivity: "base", numeric: true }).compare;

/** The choices of the sign-up and profile forms: the 36 communes and the 21 quartiers with their communes. */
export async function listPlaceChoices() {
  const [communeRows, quartierRows] = await Promise.all([listCommunes(), listQuartiers()]);
  return {
    communes: [...communeRows].sort((a, b) => frenchOrder(a.name, b.name)),
    quartiers: quartierRows.map((q) => ({ code: q.code, name: q.name, communes: q.communes.map((c) => c.name) })).sort((a, b) => frenchOrder(a.name, b.name)),
  };
}

/** Field errors for a commune or quartier that does not exist (a tampered form, or one edited meanwhile). */
export async function checkPlaces(input: { communeSlug: string | null; quartierCode: string | null }) {
  const [commune, quartier] = await Promise.all([
    input.communeSlug ? db.select({ slug: communes.slug }).from(communes).where(eq(communes.slug, input.communeSlug)).limit(1) : [],
    input.quartierCode ? db.select({ code: quartiers.code }).from(quartiers).where(eq(quartiers.code, input.quartierCode)).limit(1) : [],
  ]);
  const errors: Record<string, string> = {};
  if (input.communeSlug && !commune.length) errors.communeSlug = "auth:validation.unknownCommune";
  if (input.quartierCode && !quartier.length) errors.quartierCode = "auth:validation.unknownQuartier";
  return errors;
}

export async function findUserByEmail(email: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, passwordHash: users.passwordHash, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function findUserById(userId: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, displayName: users.displayName, locale: users.locale, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
