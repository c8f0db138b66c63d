import { sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { laboSessions } from "#db/schema/index.ts";
import type { LaboSessionInput } from "./labo-session.schema.ts";
import { checkSessionReferences, saveSessionLinks, sessionColumns, type SessionActor } from "./labo-session-writes.server.ts";

export type CreateLaboSessionResult = { status: "ok"; sessionId: string; announced: boolean } | { status: "forbidden" } | { status: "invalid"; errors: Record<string, string> };

/**
 * An ambassador (in their communes) or a coordinator schedules a rendez-vous, as a draft or announced at
 * once. One transaction: the session, its ambitions, animators and ateliers, and the audit entry.
 */
export async function createLaboSession({ actor, input, announce }: { actor: SessionActor; input: LaboSessionInput; announce: boolean }): Promise<CreateLaboSessionResult> {
  if (!can(actor, "labo.manage")) return { status: "forbidden" };
  return db.transaction(async (tx) => {
    const errors = await checkSessionReferences(tx, actor, input);
    if (Object.keys(errors).length) return { status: "invalid", errors } as const;
    const [row] = await tx
      .insert(laboSessions)
      .values({ ...sessionColumns(input), status: announce ? "announced" : "draft", announcedAt: announce ? sql`now()` : null, createdById: actor.id })
      .returning({ id: laboSessions.id });
    const sessionId = row!.id;
    await saveSessionLinks(tx, sessionId, input);
    await recordAudit(tx, { actorId: actor.id, action: announce ? "labo_session.announce" : "labo_session.create", subjectType: "labo_session", subjectId: sessionId });
    return { status: "ok", sessionId, announced: announce } as const;
  });
}
