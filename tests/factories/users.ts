import { randomUUID } from "node:crypto";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { CHARTER_VERSION } from "#app/modules/charter/charter-version.ts";
import type { Db } from "#db/client.ts";
import { charterAcceptances, councilMembers, councilQuartiers, roleGrants, users, type Role } from "#db/schema/index.ts";
import { eq } from "drizzle-orm";

export type UserFactoryInput = {
  email?: string;
  password?: string | null;
  displayName?: string;
  verified?: boolean;
  locale?: "fr" | "en";
  communeSlug?: string | null;
  quartierCode?: string | null;
  /** The accepted charter version: the current one unless told (null: never accepted). */
  charterVersion?: number | null;
  suspendedUntil?: Date | null;
  profileHiddenAt?: Date | null;
  createdAt?: Date;
  /**
   * Role grants. `council_member` is not a grant: it makes the user a current member of a council (the
   * given `councilCode`, or the council covering `quartierCode`), in the residents' collège, unlisted.
   */
  roles?: { role: Role; communeSlug?: string | null; quartierCode?: string | null; councilCode?: string | null }[];
};

let counter = 0;

/** Inserts a user (verified, with a known password unless told otherwise) and its role grants. */
export async function insertUser(db: Db, input: UserFactoryInput = {}) {
  counter += 1;
  const id = randomUUID();
  const email = (input.email ?? `habitant.${Date.now().toString(36)}.${counter}@example.org`).toLowerCase();
  const password = input.password === undefined ? "motdepasse-solide-42" : input.password;
  const [user] = await db
    .insert(users)
    .values({
      id,
      email,
      displayName: input.displayName ?? `Habitant ${counter}`,
      passwordHash: password ? await hashPassword(password) : null,
      emailVerifiedAt: input.verified === false ? null : new Date(),
      locale: input.locale ?? "fr",
      communeSlug: input.communeSlug ?? null,
      quartierCode: input.quartierCode ?? null,
      charterVersion: input.charterVersion === undefined ? CHARTER_VERSION : input.charterVersion,
      charterAcceptedAt: input.charterVersion === null ? null : new Date(),
      suspendedUntil: input.suspendedUntil ?? null,
      profileHiddenAt: input.profileHiddenAt ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  if (user!.charterVersion !== null) await db.insert(charterAcceptances).values({ userId: id, version: user!.charterVersion });
  const grants = (input.roles ?? []).filter((r) => r.role !== "council_member");
  if (grants.length) {
    await db.insert(roleGrants).values(grants.map((r) => ({ userId: id, role: r.role, communeSlug: r.communeSlug ?? null, quartierCode: r.quartierCode ?? null })));
  }
  for (const r of (input.roles ?? []).filter((r) => r.role === "council_member")) {
    const councilCode =
      r.councilCode ?? (await db.select({ code: councilQuartiers.councilCode }).from(councilQuartiers).where(eq(councilQuartiers.quartierCode, r.quartierCode ?? "")))[0]?.code;
    if (!councilCode) throw new Error(`insertUser: no council for ${r.quartierCode ?? "(no quartier)"}`);
    await db.insert(councilMembers).values({ councilCode, userId: id, displayName: user!.displayName, college: "residents" });
  }
  return { ...user!, password };
}
