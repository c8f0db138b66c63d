import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboCaptures } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { captureContribution } from "./capture-contribution.server.ts";
import { CaptureSchema } from "./console.schema.ts";

function input(fields: Record<string, string>) {
  const parsed = CaptureSchema.safeParse({ clientId: crypto.randomUUID(), kind: "idea", body: "Un banc à l'arrêt du bus 10.", ...fields });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("captureContribution", () => {
  test("saves what was said, with its atelier, ambition and quartier", async () => {
    const { session, ateliers } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const result = await captureContribution({ session, actor: ambassador, input: input({ atelierId: ateliers[0]!.id, ambitionNumber: "4", quartierCode: "QP062019" }) });
    expect(result).toMatchObject({ status: "ok", created: true });
    const [row] = await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id));
    expect(row).toMatchObject({ kind: "idea", atelierId: ateliers[0]!.id, ambitionNumber: 4, quartierCode: "QP062019", capturedById: ambassador.id, participantName: null, consentAt: null });
  });

  test("a capture sent again with the same client id is stored once and answers with the same capture", async () => {
    const { session } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const first = input({ body: "Plus de bus le dimanche." });
    const a = await captureContribution({ session, actor: ambassador, input: first });
    const b = await captureContribution({ session, actor: ambassador, input: first });
    // Even sent at the same time (the first request may still be on its way when the retry leaves).
    const [c, d] = await Promise.all([captureContribution({ session, actor: ambassador, input: first }), captureContribution({ session, actor: ambassador, input: first })]);
    expect(a).toMatchObject({ status: "ok", created: true });
    for (const again of [b, c, d]) expect(again).toEqual({ status: "ok", captureId: (a as { captureId: string }).captureId, created: false });
    expect(await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id))).toHaveLength(1);
  });

  test("the same client id in another session is another capture", async () => {
    const { session } = await insertLaboSession(db);
    const { session: other } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const same = input({});
    const a = await captureContribution({ session, actor: ambassador, input: same });
    const b = await captureContribution({ session: other, actor: ambassador, input: same });
    expect(a).toMatchObject({ created: true });
    expect(b).toMatchObject({ created: true });
  });

  test("a name or a contact needs the person's consent; with it, the consent time is kept", async () => {
    const withoutConsent = CaptureSchema.safeParse({ clientId: crypto.randomUUID(), kind: "opinion", body: "Avis.", participantContact: "06 12 34 56 78" });
    expect(withoutConsent.success).toBe(false);
    expect(withoutConsent.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["consent", "laboConsole:validation.consentRequired"]]);

    const { session } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    await captureContribution({ session, actor: ambassador, input: input({ participantName: "Nadia", participantContact: "nadia@example.org", consent: "on" }) });
    const [row] = await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id));
    expect(row).toMatchObject({ participantName: "Nadia", participantContact: "nadia@example.org" });
    expect(row!.consentAt).toBeInstanceOf(Date);
  });

  test("bad input: empty text, unknown kind, another session's atelier, unknown quartier; a cancelled session refuses", async () => {
    const empty = CaptureSchema.safeParse({ clientId: crypto.randomUUID(), kind: "idea", body: "   " });
    expect(empty.error?.issues.map((i) => i.message)).toEqual(["laboConsole:validation.bodyRequired"]);
    const kind = CaptureSchema.safeParse({ clientId: crypto.randomUUID(), kind: "rumour", body: "Texte" });
    expect(kind.error?.issues.map((i) => i.message)).toEqual(["laboConsole:validation.kindRequired"]);
    expect(CaptureSchema.safeParse({ clientId: "x", kind: "idea", body: "Texte" }).success).toBe(false);

    const { session } = await insertLaboSession(db);
    const { ateliers: otherAteliers } = await insertLaboSession(db);
    const ambassador = await insertUser(db, { password: null });
    const result = await captureContribution({ session, actor: ambassador, input: input({ atelierId: otherAteliers[0]!.id, quartierCode: "QP999999" }) });
    expect(result).toEqual({ status: "invalid", errors: { atelierId: "laboConsole:validation.unknownAtelier", quartierCode: "proposals:validation.unknownQuartier" } });
    expect(await captureContribution({ session: { ...session, status: "cancelled" }, actor: ambassador, input: input({}) })).toEqual({ status: "cancelled" });
    expect(await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id))).toHaveLength(0);
  });
});
