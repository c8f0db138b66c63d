/**
 * Coordinators keep each council's membership. Every change is written with its audit entry in one
 * transaction, under a lock on the council's row, so two coordinators adding the same person at once
 * cannot both succeed. A member who leaves keeps their row (`left_at`): the history stays readable, and
 * from the next request their account no longer acts for the council (session.server.ts reads the rows).
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { diffFields, recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { councilMembers, councils, users } from "#db/schema/index.ts";
import type { AddMemberInput, UpdateMemberInput } from "./council.schema.ts";

type Actor = { id: string };

export async function lockCouncil(tx: Db, code: string) {
  const [row] = await tx.select({ code: councils.code }).from(councils).where(eq(councils.code, code)).for("update");
  return Boolean(row);
}

export type AddCouncilMemberResult =
  | { status: "ok"; memberId: string }
  | { status: "not_found" }
  | { status: "unknown_account" }
  | { status: "already_member"; field: "email" | "displayName" };

export async function addCouncilMember({ actor, councilCode, input }: { actor: Actor; councilCode: string; input: AddMemberInput }): Promise<AddCouncilMemberResult> {
  return db.transaction(async (tx) => {
    if (!(await lockCouncil(tx, councilCode))) return { status: "not_found" } as const;
    let userId: string | null = null;
    if (input.email) {
      const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
      if (!account) return { status: "unknown_account" } as const;
      userId = account.id;
    }
    // The same person twice (or a form sent twice) is refused: by account, or by the name as written.
    const [same] = await tx
      .select({ userId: councilMembers.userId })
      .from(councilMembers)
      .where(
        and(
          eq(councilMembers.councilCode, councilCode),
          isNull(councilMembers.leftAt),
          userId ? sql`(${councilMembers.userId} = ${userId} or lower(${councilMembers.displayName}) = lower(${input.displayName}))` : sql`lower(${councilMembers.displayName}) = lower(${input.displayName})`,
        ),
      )
      .limit(1);
    if (same) return { status: "already_member", field: userId && same.userId === userId ? "email" : "displayName" } as const;
    const organisation = input.college === "actors" ? input.organisation : "";
    const [member] = await tx
      .insert(councilMembers)
      .values({ councilCode, userId, displayName: input.displayName, college: input.college, organisation, listed: input.listed, addedById: actor.id })
      .returning({ id: councilMembers.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "council.member_add",
      subjectType: "council_member",
      subjectId: member!.id,
      changes: {
        council: { before: null, after: councilCode },
        displayName: { before: null, after: input.displayName },
        college: { before: null, after: input.college },
        organisation: { before: null, after: organisation },
        listed: { before: null, after: input.listed },
        ...(userId ? { userId: { before: null, after: userId } } : {}),
      },
    });
    return { status: "ok", memberId: member!.id } as const;
  });
}

async function currentMember(tx: Db, councilCode: string, memberId: string) {
  const [member] = await tx
    .select({ id: councilMembers.id, displayName: councilMembers.displayName, college: councilMembers.college, organisation: councilMembers.organisation, listed: councilMembers.listed, leftAt: councilMembers.leftAt })
    .from(councilMembers)
    .where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilCode, councilCode)))
    .for("update");
  return member ?? null;
}

/** Changes a current member's collège, organisation and agreement to appear publicly. */
export async function updateCouncilMember({
  actor,
  councilCode,
  input,
}: {
  actor: Actor;
  councilCode: string;
  input: UpdateMemberInput;
}): Promise<{ status: "ok" | "unchanged" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockCouncil(tx, councilCode))) return { status: "not_found" } as const;
    const member = await currentMember(tx, councilCode, input.memberId);
    if (!member || member.leftAt) return { status: "not_found" } as const;
    const after = { college: input.college, organisation: input.college === "actors" ? input.organisation : "", listed: input.listed };
    const changes = diffFields(member, after);
    if (!Object.keys(changes).length) return { status: "unchanged" } as const;
    await tx.update(councilMembers).set(after).where(eq(councilMembers.id, member.id));
    await recordAudit(tx, { actorId: actor.id, action: "council.member_update", subjectType: "council_member", subjectId: member.id, changes, reason: member.displayName });
    return { status: "ok" } as const;
  });
}

/** A member leaves: the row stays, with the date. Removing someone who already left changes nothing. */
export async function removeCouncilMember({
  actor,
  councilCode,
  memberId,
  now = new Date(),
}: {
  actor: Actor;
  councilCode: string;
  memberId: string;
  now?: Date;
}): Promise<{ status: "ok" | "already_left" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockCouncil(tx, councilCode))) return { status: "not_found" } as const;
    const member = await currentMember(tx, councilCode, memberId);
    if (!member) return { status: "not_found" } as const;
    if (member.leftAt) return { status: "already_left" } as const;
    await tx.update(councilMembers).set({ leftAt: now }).where(eq(councilMembers.id, member.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: "council.member_remove",
      subjectType: "council_member",
      subjectId: member.id,
      changes: { leftAt: { before: null, after: now.toISOString() } },
      reason: member.displayName,
    });
    return { status: "ok" } as const;
  });
}
