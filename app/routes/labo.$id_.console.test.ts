import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { laboCaptures, laboRegistrations } from "#db/schema/index.ts";
import { insertLaboSession } from "#tests/factories/labo-sessions.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action as captureAction } from "./labo.$id_.console_.contributions.ts";
import { action } from "./labo.$id_.console.tsx";

async function setup() {
  const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
  const { session } = await insertLaboSession(db, { communeSlug: "avion" });
  return { session, cookie: await sessionCookieFor(ambassador.id) };
}

const post = (sessionId: string, form: Record<string, string>, cookie: string) => settle(action(actionArgs(postRequest(`/labo/${sessionId}/console`, form, { cookie }), { id: sessionId })));

describe("the console's actions", () => {
  test("check-in: with JavaScript a fetcher gets data (no page jump); without, the page comes back at the person's row", async () => {
    const { session, cookie } = await setup();
    const [registration] = await db.insert(laboRegistrations).values({ sessionId: session.id, status: "confirmed", name: "Nadia", email: "nadia@example.org" }).returning();
    const withJs = await post(session.id, { intent: "checkin", registrationId: registration!.id, present: "1", _js: "1" }, cookie);
    expect(withJs.status).toBe(200);
    expect(await withJs.json()).toEqual({ intent: "checkin", ok: true });
    const plain = await post(session.id, { intent: "checkin", registrationId: registration!.id, present: "0", q: "nad" }, cookie);
    expect(plain.status).toBe(302);
    expect(plain.headers.get("Location")).toBe(`/labo/${session.id}/console?q=nad#inscrit-${registration!.id}`);
    const [row] = await db.select().from(laboRegistrations).where(eq(laboRegistrations.id, registration!.id));
    expect(row!.checkedInAt).toBeNull();
    expect((await post(session.id, { intent: "checkin", registrationId: "00000000-0000-4000-8000-000000000000", present: "1" }, cookie)).status).toBe(404);
  });

  test("a capture with errors comes back with everything typed (400); a walk-in with a too long name too", async () => {
    const { session, cookie } = await setup();
    const typed = { intent: "capture", clientId: "plain-form-client-1", kind: "question", body: "Qui nettoie le parc ?", participantName: "Robert", participantContact: "06 00 00 00 00" };
    const response = await post(session.id, typed, cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ consent: "laboConsole:validation.consentRequired" });
    expect(body.values).toMatchObject(typed);
    expect(await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id))).toHaveLength(0);

    const walkIn = await post(session.id, { intent: "walkin", name: "x".repeat(101) }, cookie);
    expect(walkIn.status).toBe(400);
    expect((await walkIn.json()).errors).toEqual({ name: "laboConsole:validation.nameTooLong" });
    expect((await post(session.id, { intent: "nope" }, cookie)).status).toBe(400);
  });

  test("the script's endpoint: a re-sent capture answers with the capture already stored", async () => {
    const { session, cookie } = await setup();
    const form = { clientId: "0b6c8f3e-8d7c-4a51-9d2c-3f4b5a6c7d8e", kind: "idea", body: "Un composteur collectif." };
    const send = () => settle(captureAction(actionArgs(postRequest(`/labo/${session.id}/console/contributions`, form, { cookie }), { id: session.id })));
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const [a, b] = [await first.json(), await second.json()];
    expect(b).toEqual({ ...a, created: false });
    expect(await db.select().from(laboCaptures).where(eq(laboCaptures.sessionId, session.id))).toHaveLength(1);
  });
});
