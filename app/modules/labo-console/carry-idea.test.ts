import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getProposalPage } from "#app/modules/proposals/proposal-queries.server.ts";
import { searchProposals } from "#app/modules/proposals-search/proposal-search-queries.server.ts";
import { auditLog, laboCaptures, proposalEvents, proposalFollows, proposals } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { carryIdeaAsProposal } from "./carry-idea.server.ts";
import { listSessionCaptures } from "./console-queries.server.ts";
import { LaboProposalSchema } from "./console.schema.ts";

const form = LaboProposalSchema.parse({
  title: "Des bancs aux arrêts de bus",
  body: "Les personnes âgées attendent debout aux arrêts de bus de la cité 4 : des bancs, s'il vous plaît.",
  ambitionNumber: "8",
  quartierCode: "QP062019",
  communeSlug: "avion",
});

async function captured(sessionId: string, kind: "idea" | "question" = "idea") {
  const [row] = await db.insert(laboCaptures).values({ sessionId, clientId: crypto.randomUUID(), kind, body: "Des bancs aux arrêts de bus." }).returning();
  return row!;
}

describe("carryIdeaAsProposal", () => {
  test("an idea becomes a published, qualified proposal of the Labo, with its timeline, the ambassador's follow and an audit entry", async () => {
    const { session } = await insertLaboSession(db, { title: "Rendez-vous de la cité 4" });
    const ambassador = await insertUser(db, { password: null, displayName: "Karim Dupont" });
    const idea = await captured(session.id);
    const result = await carryIdeaAsProposal({ session, actor: ambassador, captureId: idea.id, input: form });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;

    const [row] = await db.select().from(proposals).where(eq(proposals.id, result.proposalId));
    expect(row).toMatchObject({ authorId: ambassador.id, status: "qualified", origin: "labo_session", originLaboSessionId: session.id, originCaptureId: idea.id, ambitionNumber: 8 });
    expect(row!.publishedAt).toBeInstanceOf(Date);
    expect(row!.qualifiedAt).toBeInstanceOf(Date);

    const page = await getProposalPage(result.proposalId);
    expect(page!.events.map((e) => e.kind)).toEqual(["created", "published", "qualified"]);
    expect(page!.events[2]!.carriedBySession).toEqual({ id: session.id, title: "Rendez-vous de la cité 4" });
    expect(page!.originLaboSessionId).toBe(session.id);
    const events = await db.select().from(proposalEvents).where(eq(proposalEvents.proposalId, result.proposalId));
    expect(events.every((e) => e.actorId === ambassador.id)).toBe(true);
    expect(await db.select().from(proposalFollows).where(eq(proposalFollows.proposalId, result.proposalId))).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, result.proposalId), eq(auditLog.action, "labo.carry_idea")));
    expect(audit).toHaveLength(1);

    // Public, in the list filtered by origin, and linked from the console's capture.
    const labo = await searchProposals({ origin: "labo_session" });
    expect(labo.items.map((i) => [i.id, i.origin])).toContainEqual([result.proposalId, "labo_session"]);
    const [listed] = await listSessionCaptures(session.id);
    expect(listed).toMatchObject({ id: idea.id, proposalId: result.proposalId });
  });

  test("an idea is carried once: a second attempt points to the proposal it became", async () => {
    const { session } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const idea = await captured(session.id);
    const [a, b] = await Promise.all([
      carryIdeaAsProposal({ session, actor: ambassador, captureId: idea.id, input: form }),
      carryIdeaAsProposal({ session, actor: ambassador, captureId: idea.id, input: form }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual(["already_carried", "ok"]);
    expect(await db.select().from(proposals).where(eq(proposals.originCaptureId, idea.id))).toHaveLength(1);
  });

  test("refused: a question, another session's capture, a quartier outside the commune", async () => {
    const { session } = await insertLaboSession(db);
    const { session: other } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const question = await captured(session.id, "question");
    expect(await carryIdeaAsProposal({ session, actor: ambassador, captureId: question.id, input: form })).toEqual({ status: "not_an_idea" });
    const elsewhere = await captured(other.id);
    expect(await carryIdeaAsProposal({ session, actor: ambassador, captureId: elsewhere.id, input: form })).toEqual({ status: "not_found" });
    const idea = await captured(session.id);
    const result = await carryIdeaAsProposal({ session, actor: ambassador, captureId: idea.id, input: { ...form, communeSlug: "lens" } });
    expect(result).toEqual({ status: "invalid", errors: { communeSlug: "proposals:validation.quartierNotInCommune" } });
    expect(LaboProposalSchema.safeParse({ title: "Court", body: "Trop court", ambitionNumber: "13" }).error?.issues.map((i) => i.path[0])).toEqual(["title", "body", "ambitionNumber"]);
  });
});
