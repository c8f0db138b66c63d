/**
 * Interpellations and council members for tests: rows as the use cases leave them, and a viewer for a
 * council member (the role the session reads from the council's membership).
 */
import { eq } from "drizzle-orm";
import type { Db } from "#db/client.ts";
import { councilMembers, interpellations, type InterpellationKind } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";

export type InterpellationFactoryInput = {
  authorId: string | null;
  source?: "council" | "actor_network";
  councilCode?: string | null;
  organisation?: string;
  kind?: InterpellationKind;
  title?: string;
  body?: string;
  createdAt?: Date;
  answer?: string | null;
  hidden?: boolean;
};

let counter = 0;

/** An interpellation from a council (QP062024's by default), waiting for the GTP's answer unless told. */
export async function insertInterpellation(db: Db, input: InterpellationFactoryInput) {
  counter += 1;
  const source = input.source ?? "council";
  const [row] = await db
    .insert(interpellations)
    .values({
      source,
      councilCode: source === "council" ? (input.councilCode === undefined ? "QP062024" : input.councilCode) : null,
      organisation: source === "actor_network" ? (input.organisation ?? "Association Les Jardins du 12") : "",
      authorId: input.authorId,
      kind: input.kind ?? "question",
      title: input.title ?? `Quand l'éclairage de la rue sera-t-il réparé ? ${counter}`,
      body: input.body ?? "Depuis trois mois, la rue est dans le noir le soir : les enfants rentrent de l'école sans lumière.",
      createdAt: input.createdAt ?? new Date(),
      answer: input.answer ?? null,
      answeredAt: input.answer ? new Date() : null,
      hiddenAt: input.hidden ? new Date() : null,
    })
    .returning();
  return row!;
}

/** A current member of a council with an account, and the viewer a session would give them. */
export async function councilMember(db: Db, councilCode = "QP062024", displayName = "Membre du conseil") {
  const user = await insertUser(db, { password: null, displayName, roles: [{ role: "council_member", councilCode }] });
  return { ...user, viewer: { id: user.id, emailVerified: true, roles: [{ role: "council_member" as const, communeSlug: null, quartierCode: null, councilCode }] } };
}

/** The member leaves the council (the row stays, with left_at). */
export async function leaveCouncil(db: Db, userId: string) {
  await db.update(councilMembers).set({ leftAt: new Date() }).where(eq(councilMembers.userId, userId));
}
