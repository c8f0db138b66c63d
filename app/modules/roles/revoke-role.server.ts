import { and, asc, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { roleGrants } from "#db/schema/index.ts";
import type { Role } from "#db/schema/accounts.ts";
import { scopeChanges } from "./grant-role.server.ts";

export type RevokeRoleResult =
  | { status: "ok"; role: Role }
  | { status: "not_found" } // no such grant for this user (already revoked, or another user's)
  | { status: "last_administrator" };

/**
 * Takes a role away, with its audit entry in the same transaction. The platform always keeps at least
 * one administrator: the administrator grants are locked before counting, so two administrators revoking
 * each other at the same moment cannot both succeed.
 */
export async function revokeRole({ actorId, userId, grantId }: { actorId: string; userId: string; grantId: string }): Promise<RevokeRoleResult> {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select({ id: roleGrants.id, role: roleGrants.role, communeSlug: roleGrants.communeSlug })
      .from(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)))
      .limit(1);
    if (!grant) return { status: "not_found" } as const;
    if (grant.role === "administrator") {
      // Every administrator grant, locked in one order (no deadlock between two revocations); a grant
      // deleted meanwhile by a committed transaction is no longer in the list.
      const administrators = await tx.select({ id: roleGrants.id }).from(roleGrants).where(eq(roleGrants.role, "administrator")).orderBy(asc(roleGrants.id)).for("update");
      if (!administrators.some((a) => a.id === grant.id)) return { status: "not_found" } as const;
      if (administrators.length <= 1) return { status: "last_administrator" } as const;
    }
    const deleted = await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id)).returning({ id: roleGrants.id });
    if (!deleted.length) return { status: "not_found" } as const;
    await recordAudit(tx, {
      actorId,
      action: "role.revoke",
      subjectType: "user",
      subjectId: userId,
      changes: scopeChanges(grant, "before"),
    });
    return { status: "ok", role: grant.role } as const;
  });
}
