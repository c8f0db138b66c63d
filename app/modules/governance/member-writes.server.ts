/**
 * Coordinators keep the public member list of each body (name and institution). Every change is written
 * with its audit entry in one transaction, under a lock on the body's row, so positions stay a clean
 * sequence when two coordinators edit the same list.
 */
import { and, asc, eq } from "drizzle-orm";
import { db, type Db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { governanceBodies, governanceMembers } from "#db/schema/index.ts";
import type { MemberInput } from "./member.schema.ts";

type Actor = { id: string };

async function lockBody(tx: Db, key: string) {
  const [row] = await tx.select({ key: governanceBodies.key }).from(governanceBodies).where(eq(governanceBodies.key, key)).for("update");
  return Boolean(row);
}

function membersOf(tx: Db, bodyKey: string) {
  return tx
    .select({ id: governanceMembers.id, name: governanceMembers.name, institution: governanceMembers.institution, position: governanceMembers.position })
    .from(governanceMembers)
    .where(eq(governanceMembers.bodyKey, bodyKey))
    .orderBy(asc(governanceMembers.position), asc(governanceMembers.createdAt), asc(governanceMembers.id));
}

/** Adds a member at the end of the body's list. */
export async function addMember({ actor, bodyKey, input }: { actor: Actor; bodyKey: string; input: MemberInput }): Promise<{ status: "ok"; memberId: string } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockBody(tx, bodyKey))) return { status: "not_found" } as const;
    const members = await membersOf(tx, bodyKey);
    const position = members.length ? Math.max(...members.map((m) => m.position)) + 1 : 0;
    const [member] = await tx.insert(governanceMembers).values({ bodyKey, name: input.name, institution: input.institution, position }).returning({ id: governanceMembers.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.add_member",
      subjectType: "governance_body",
      subjectId: bodyKey,
      changes: { member: { before: null, after: { id: member!.id, name: input.name, institution: input.institution } } },
    });
    return { status: "ok", memberId: member!.id } as const;
  });
}

export async function removeMember({ actor, bodyKey, memberId }: { actor: Actor; bodyKey: string; memberId: string }): Promise<{ status: "ok" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockBody(tx, bodyKey))) return { status: "not_found" } as const;
    const [removed] = await tx
      .delete(governanceMembers)
      .where(and(eq(governanceMembers.id, memberId), eq(governanceMembers.bodyKey, bodyKey)))
      .returning({ id: governanceMembers.id, name: governanceMembers.name, institution: governanceMembers.institution });
    if (!removed) return { status: "not_found" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.remove_member",
      subjectType: "governance_body",
      subjectId: bodyKey,
      changes: { member: { before: removed, after: null } },
    });
    return { status: "ok" } as const;
  });
}

/** Moves a member one place up or down; the list's positions are rewritten as 0, 1, 2… */
export async function moveMember({
  actor,
  bodyKey,
  memberId,
  direction,
}: {
  actor: Actor;
  bodyKey: string;
  memberId: string;
  direction: "up" | "down";
}): Promise<{ status: "ok" | "unchanged" } | { status: "not_found" }> {
  return db.transaction(async (tx) => {
    if (!(await lockBody(tx, bodyKey))) return { status: "not_found" } as const;
    const members = await membersOf(tx, bodyKey);
    const index = members.findIndex((m) => m.id === memberId);
    if (index === -1) return { status: "not_found" } as const;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= members.length) return { status: "unchanged" } as const;
    const order = members.map((m) => m.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, id] of order.entries()) {
      if (members.find((m) => m.id === id)!.position !== position) await tx.update(governanceMembers).set({ position }).where(eq(governanceMembers.id, id));
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "governance.move_member",
      subjectType: "governance_body",
      subjectId: bodyKey,
      changes: { position: { before: index, after: target } },
      reason: members[index]!.name,
    });
    return { status: "ok" } as const;
  });
}
