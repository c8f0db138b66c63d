/**
 * The GTP's public answer to an interpellation (droit de suite). One transaction, with the row locked: the
 * answer, who wrote it and when, the audit entry and the notification event (its author and the members of
 * its council hear of it). Once answered, an interpellation is not answered again: a second coordinator,
 * or a form left open since, is told so.
 */
import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { can, type Viewer } from "#app/modules/auth/permissions.ts";
import { recordNotificationEvent } from "#app/modules/notifications/record-notification-event.server.ts";
import { councils, interpellations } from "#db/schema/index.ts";

export type AnswerInterpellationResult = { status: "ok" } | { status: "forbidden" } | { status: "not_found" } | { status: "already_answered" };

export async function answerInterpellation({ actor, interpellationId, answer }: { actor: NonNullable<Viewer>; interpellationId: string; answer: string }): Promise<AnswerInterpellationResult> {
  if (!can(actor, "governance.manage")) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<AnswerInterpellationResult> => {
    const [row] = await tx
      .select({ id: interpellations.id, answeredAt: interpellations.answeredAt, hiddenAt: interpellations.hiddenAt, organisation: interpellations.organisation, councilName: councils.name })
      .from(interpellations)
      .leftJoin(councils, eq(councils.code, interpellations.councilCode))
      .where(eq(interpellations.id, interpellationId))
      .for("update", { of: interpellations });
    if (!row || row.hiddenAt) return { status: "not_found" };
    if (row.answeredAt) return { status: "already_answered" };
    await tx.update(interpellations).set({ answer, answeredAt: sql`now()`, answeredById: actor.id }).where(eq(interpellations.id, row.id));
    await recordAudit(tx, { actorId: actor.id, action: "governance.answer_interpellation", subjectType: "interpellation", subjectId: row.id });
    // The notice's words are kept with the event (who asked, the answer), as a proposal step's are.
    await recordNotificationEvent(tx, {
      kind: "interpellation_answered",
      interpellationId: row.id,
      actorId: actor.id,
      payload: { councilName: row.councilName, organisation: row.organisation || null, answer },
    });
    return { status: "ok" };
  });
}
