import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions, auditLog, governanceBodies, piliers, proposalEvents, proposals, quartiers, transversalAxes } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo } from "#tests/helpers/email.ts";
import { AmbitionSchema, GovernanceBodySchema, PilierSchema, QuartierSchema, TransversalAxisSchema } from "./referential.schema.ts";
import { updateAmbition, updateGovernanceBody, updatePilier, updateQuartier, updateTransversalAxis } from "./update-referential.server.ts";

async function admin() {
  return insertUser(db, { displayName: "Admin Test", roles: [{ role: "administrator" }] });
}

async function ambition(number: number) {
  const [row] = await db.select().from(ambitions).where(eq(ambitions.number, number));
  return row!;
}

describe("updateAmbition", () => {
  test("changes only what differs and records who changed which fields, from what to what", async () => {
    const actor = await admin();
    const before = await ambition(3);
    const result = await updateAmbition(actor, 3, { title: "Aller vers les habitants", summary: before.summary, description: "", supportThreshold: 40 });
    expect(result).toEqual({
      status: "ok",
      changes: { title: { before: before.title, after: "Aller vers les habitants" }, supportThreshold: { before: 25, after: 40 } },
    });
    const after = await ambition(3);
    expect(after).toMatchObject({ title: "Aller vers les habitants", supportThreshold: 40, summary: before.summary });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(after.updatedAt).not.toEqual(before.updatedAt);
    const entries = await db.select().from(auditLog);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: actor.id,
      action: "referential.update",
      subjectType: "ambition",
      subjectId: "3",
      changes: { title: { before: before.title, after: "Aller vers les habitants" }, supportThreshold: { before: 25, after: 40 } },
    });
  });

  test("a save that changes nothing writes nothing, not even updated_at", async () => {
    const actor = await admin();
    const before = await ambition(5);
    const result = await updateAmbition(actor, 5, { title: before.title, summary: before.summary, description: before.description, supportThreshold: before.supportThreshold });
    expect(result).toEqual({ status: "unchanged" });
    expect(await ambition(5)).toEqual(before);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  test("an unknown number is not found and writes nothing", async () => {
    const actor = await admin();
    expect(await updateAmbition(actor, 13, { title: "X", summary: "", description: "", supportThreshold: 1 })).toEqual({ status: "not_found" });
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  test("the change and its audit entry share one transaction: if the entry cannot be written, the change is undone", async () => {
    const before = await ambition(2);
    // An actor that does not exist breaks the audit entry's foreign key, after the ambition was updated.
    await expect(updateAmbition({ id: randomUUID() }, 2, { title: "Jamais enregistré", summary: "", description: "", supportThreshold: 9 })).rejects.toThrow();
    expect(await ambition(2)).toEqual(before);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  test("HTML is stored as the text that was typed", async () => {
    const actor = await admin();
    const title = '<script>alert("x")</script> & <b>gras</b>';
    await updateAmbition(actor, 1, { ...(await ambition(1)), title });
    expect((await ambition(1)).title).toBe(title);
  });
});

describe("the other kinds", () => {
  test("each kind is updated with its own audit subject", async () => {
    const actor = await admin();
    expect((await updatePilier(actor, 2, { shortTitle: "Agir ensemble", title: "AGIR", summary: "Résumé" })).status).toBe("ok");
    expect((await updateTransversalAxis(actor, "participation_habitants", { title: "Participation", summary: "" })).status).toBe("ok");
    expect((await updateQuartier(actor, "QP062024", { name: "Cité 12-14 (Lens)", summary: "Un quartier du nord de Lens." })).status).toBe("ok");
    expect((await updateGovernanceBody(actor, "gtp", { name: "GTP", cadence: "4 fois par an", members: "Techniciens", role: "Prépare le COPIL" })).status).toBe("ok");
    const [pilier] = await db.select().from(piliers).where(eq(piliers.number, 2));
    const [axis] = await db.select().from(transversalAxes).where(eq(transversalAxes.key, "participation_habitants"));
    const [quartier] = await db.select().from(quartiers).where(eq(quartiers.code, "QP062024"));
    const [body] = await db.select().from(governanceBodies).where(eq(governanceBodies.key, "gtp"));
    expect(pilier).toMatchObject({ shortTitle: "Agir ensemble", title: "AGIR", summary: "Résumé" });
    expect(axis).toMatchObject({ title: "Participation", summary: "" });
    expect(quartier).toMatchObject({ name: "Cité 12-14 (Lens)", summary: "Un quartier du nord de Lens.", population: 2380 });
    expect(body).toMatchObject({ name: "GTP", cadence: "4 fois par an", members: "Techniciens", role: "Prépare le COPIL" });
    const subjects = (await db.select({ type: auditLog.subjectType, id: auditLog.subjectId }).from(auditLog)).map((e) => `${e.type}:${e.id}`).sort();
    expect(subjects).toEqual(["governance_body:gtp", "pilier:2", "quartier:QP062024", "transversal_axis:participation_habitants"]);
  });

  test("unknown keys are not found", async () => {
    const actor = await admin();
    expect((await updatePilier(actor, 4, { shortTitle: "X", title: "X", summary: "" })).status).toBe("not_found");
    expect((await updateTransversalAxis(actor, "nope", { title: "X", summary: "" })).status).toBe("not_found");
    expect((await updateQuartier(actor, "QP999999", { name: "X", summary: "" })).status).toBe("not_found");
    expect((await updateGovernanceBody(actor, "nope", { name: "X", cadence: "", members: "", role: "" })).status).toBe("not_found");
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  test("re-saving every seeded item through its form schema changes nothing", async () => {
    const actor = await admin();
    const asForm = (row: Record<string, unknown>, fields: string[]) => Object.fromEntries(fields.map((f) => [f, String(row[f])]));
    for (const p of await db.select().from(piliers)) {
      expect((await updatePilier(actor, p.number, PilierSchema.parse(asForm(p, ["shortTitle", "title", "summary"])))).status).toBe("unchanged");
    }
    for (const a of await db.select().from(ambitions)) {
      const input = AmbitionSchema.parse(asForm(a, ["title", "summary", "description", "supportThreshold"]));
      expect((await updateAmbition(actor, a.number, input)).status).toBe("unchanged");
    }
    for (const x of await db.select().from(transversalAxes)) {
      expect((await updateTransversalAxis(actor, x.key, TransversalAxisSchema.parse(asForm(x, ["title", "summary"])))).status).toBe("unchanged");
    }
    for (const q of await db.select().from(quartiers)) {
      expect((await updateQuartier(actor, q.code, QuartierSchema.parse(asForm(q, ["name", "summary"])))).status).toBe("unchanged");
    }
    for (const g of await db.select().from(governanceBodies)) {
      const input = GovernanceBodySchema.parse(asForm(g, ["name", "cadence", "members", "role"]));
      expect((await updateGovernanceBody(actor, g.key, input)).status).toBe("unchanged");
    }
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });
});

describe("lowering an ambition's support threshold", () => {
  test("qualifies the published proposals that already have enough supports, tells their authors, and keeps the others as they are", async () => {
    const actor = await admin();
    const author = await insertUser(db, { email: "autrice-seuil@labo.test", displayName: "Autrice Seuil" });
    const enough = await insertProposal(db, { authorId: author.id, ambitionNumber: 6, supportCount: 4, title: "Un jardin partagé derrière l'école" });
    const tooFew = await insertProposal(db, { authorId: author.id, ambitionNumber: 6, supportCount: 2 });
    const otherAmbition = await insertProposal(db, { authorId: author.id, ambitionNumber: 7, supportCount: 9 });
    const withdrawn = await insertProposal(db, { authorId: author.id, ambitionNumber: 6, supportCount: 9, status: "withdrawn" });

    const before = await ambition(6);
    expect((await updateAmbition(actor, 6, { title: before.title, summary: before.summary, description: before.description, supportThreshold: 3 })).status).toBe("ok");

    const statusOf = async (id: string) => (await db.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, id)))[0]!.status;
    expect(await statusOf(enough.id)).toBe("qualified");
    expect(await statusOf(tooFew.id)).toBe("published");
    expect(await statusOf(otherAmbition.id)).toBe("published");
    expect(await statusOf(withdrawn.id)).toBe("withdrawn");
    const events = await db.select().from(proposalEvents).where(eq(proposalEvents.kind, "qualified"));
    expect(events.map((e) => [e.proposalId, e.payload])).toEqual([[enough.id, { threshold: 3, supports: 4 }]]);
    const emails = await emailsTo("autrice-seuil@labo.test");
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("Un jardin partagé derrière l'école");

    // Raising it again qualifies nothing more and takes nothing back.
    expect((await updateAmbition(actor, 6, { title: before.title, summary: before.summary, description: before.description, supportThreshold: 30 })).status).toBe("ok");
    expect(await statusOf(enough.id)).toBe("qualified");
    expect(await emailsTo("autrice-seuil@labo.test")).toHaveLength(1);
  });
});
