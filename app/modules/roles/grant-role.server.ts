import { eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { communes, roleGrants, users } from "#db/schema/index.ts";
import type { GrantRoleInput } from "./role.schema.ts";

export type GrantRoleResult =
  | { status: "ok"; grantId: string }
  | { status: "already_granted" }
  | { status: "not_found" }
  | { status: "unknown_scope"; field: "communeSlug" };

/**
 * Gives a role (with its scope) to a user, with its audit entry in the same transaction. Granting a role
 * the user already holds changes nothing and writes no audit entry (role_grants_unique decides).
 * The input comes from GrantRoleSchema, so the scope already matches the role.
 */
export async function grantRole({ actorId, userId, input }: { actorId: string; userId: string; input: GrantRoleInput }): Promise<GrantRoleResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user) return { status: "not_found" } as const;
    // Checked here rather than left to the foreign key, so a stale form answers 400, not 500.
    if (input.communeSlug) {
      const [commune] = await tx.select({ slug: communes.slug }).from(communes).where(eq(communes.slug, input.communeSlug)).limit(1);
      if (!commune) return { status: "unknown_scope", field: "communeSlug" } as const;
    }
    const [inserted] = await tx
      .insert(roleGrants)
      .values({ userId, role: input.role, communeSlug: input.communeSlug, quartierCode: null, grantedById: actorId })
      .onConflictDoNothing({ target: [roleGrants.userId, roleGrants.role, roleGrants.communeSlug, roleGrants.quartierCode] })
      .returning({ id: roleGrants.id });
    if (!inserted) return { status: "already_granted" } as const;
    await recordAudit(tx, {
      actorId,
      action: "role.grant",
      subjectType: "user",
      subjectId: userId,
      changes: scopeChanges(input, "after"),
    });
    return { status: "ok", grantId: inserted.id } as const;
  });
}

type GrantShape = { role: string; communeSlug: string | null };

/** The audit changes of a grant (after) or a revocation (before): the role and its commune, if any. */
export function scopeChanges(grant: GrantShape, side: "before" | "after") {
  const entry = (value: unknown) => (side === "after" ? { before: null, after: value } : { before: value, after: null });
  const changes: Record<string, { before: unknown; after: unknown }> = { role: entry(grant.role) };
  if (grant.communeSlug) changes.communeSlug = entry(grant.communeSlug);
  return changes;
}
