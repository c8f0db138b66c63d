import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { ambitions, proposalFollows, proposals, supports } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { emailsTo, flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.soutien.ts";

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, { password: null, ...input });
  return { user, cookie: await sessionCookieFor(user.id) };
}

function post(proposalId: string, form: Record<string, string>, cookie?: string) {
  return settle(action(actionArgs(postRequest(`/propositions/${proposalId}/soutien`, form, { cookie }), { id: proposalId })));
}

async function supportRows(proposalId: string) {
  return db.select().from(supports).where(eq(supports.proposalId, proposalId));
}

async function supportCount(proposalId: string) {
  const [row] = await db.select({ supportCount: proposals.supportCount }).from(proposals).where(eq(proposals.id, proposalId));
  return row!.supportCount;
}

describe("POST /propositions/:id/soutien", () => {
  test("anonymous visitors are sent to sign in, then back to the proposal page", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const response = await post(proposal.id, { intent: "support" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(`/propositions/${proposal.id}`)}`);
    expect(await supportRows(proposal.id)).toHaveLength(0);
  });

  test("without JavaScript: a plain post supports, then goes back to the page with a message", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { user, cookie } = await signedIn();
    const response = await post(proposal.id, { intent: "support" }, cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(response)).toBe("supports:flash.supported");
    expect(await supportRows(proposal.id)).toMatchObject([{ userId: user.id }]);
    expect(await db.select().from(proposalFollows).where(and(eq(proposalFollows.proposalId, proposal.id), eq(proposalFollows.userId, user.id)))).toHaveLength(1);

    const withdrawn = await post(proposal.id, { intent: "withdraw" }, cookie);
    expect(withdrawn.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(withdrawn)).toBe("supports:flash.withdrawn");
    expect(await supportRows(proposal.id)).toHaveLength(0);
  });

  test("with JavaScript: the fetcher gets the new state as data", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { cookie } = await signedIn();
    const supported = await post(proposal.id, { intent: "support", _js: "1" }, cookie);
    expect(supported.status).toBe(200);
    expect(await supported.json()).toEqual({ supported: true, supportCount: 1, qualified: false, justQualified: false });
    // A double click sends the same intent twice: it counts once.
    expect(await (await post(proposal.id, { intent: "support", _js: "1" }, cookie)).json()).toEqual({ supported: true, supportCount: 1, qualified: false, justQualified: false });
    const withdrawn = await post(proposal.id, { intent: "withdraw", _js: "1" }, cookie);
    expect(await withdrawn.json()).toEqual({ supported: false, supportCount: 0, qualified: false, justQualified: false });
  });

  test("the support that reaches the threshold qualifies the proposal and says so; the author gets one email", async () => {
    await db.update(ambitions).set({ supportThreshold: 2 }).where(eq(ambitions.number, 8));
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, ambitionNumber: 8 });
    await post(proposal.id, { intent: "support" }, (await signedIn()).cookie);
    const withJs = await post(proposal.id, { intent: "support", _js: "1" }, (await signedIn()).cookie);
    expect(await withJs.json()).toEqual({ supported: true, supportCount: 2, qualified: true, justQualified: true });
    const noJs = await post(proposal.id, { intent: "support" }, (await signedIn()).cookie);
    expect(await flashSetBy(noJs)).toBe("supports:flash.supported");
    expect(await emailsTo(author.email)).toHaveLength(1);
  });

  test("no-JS: the support that reaches the threshold says so in the message", async () => {
    await db.update(ambitions).set({ supportThreshold: 1 }).where(eq(ambitions.number, 8));
    const proposal = await insertProposal(db, { authorId: null, ambitionNumber: 8 });
    expect(await flashSetBy(await post(proposal.id, { intent: "support" }, (await signedIn()).cookie))).toBe("supports:flash.qualified");
  });

  test("a withdrawn or hidden proposal refuses: 409 with a message for the fetcher, the page with the message without JavaScript", async () => {
    const withdrawn = await insertProposal(db, { authorId: null, status: "withdrawn" });
    const hidden = await insertProposal(db, { authorId: null });
    await db.update(proposals).set({ hiddenAt: new Date() }).where(eq(proposals.id, hidden.id));
    const { cookie } = await signedIn();
    for (const proposal of [withdrawn, hidden]) {
      const js = await post(proposal.id, { intent: "support", _js: "1" }, cookie);
      expect(js.status).toBe(409);
      expect(await js.json()).toEqual({ error: "supports:errors.closed" });
      const plain = await post(proposal.id, { intent: "support" }, cookie);
      expect(plain.status).toBe(302);
      expect(plain.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
      expect(await flashSetBy(plain)).toBe("supports:errors.closed");
      expect(await supportRows(proposal.id)).toHaveLength(0);
    }
  });

  test("authors cannot support their own proposal (409)", async () => {
    const { user, cookie } = await signedIn();
    const proposal = await insertProposal(db, { authorId: user.id });
    const js = await post(proposal.id, { intent: "support", _js: "1" }, cookie);
    expect(js.status).toBe(409);
    expect(await js.json()).toEqual({ error: "supports:errors.ownProposal" });
    expect(await flashSetBy(await post(proposal.id, { intent: "support" }, cookie))).toBe("supports:errors.ownProposal");
    expect(await supportCount(proposal.id)).toBe(0);
  });

  test("a person who has not confirmed their email is refused (403) and told how to fix it", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { cookie } = await signedIn({ verified: false });
    const js = await post(proposal.id, { intent: "support", _js: "1" }, cookie);
    expect(js.status).toBe(403);
    expect(await js.json()).toEqual({ error: "supports:errors.verifyEmail" });
    const plain = await post(proposal.id, { intent: "support" }, cookie);
    expect(plain.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(plain)).toBe("supports:errors.verifyEmail");
    expect(await supportRows(proposal.id)).toHaveLength(0);
  });

  test("an unknown or malformed id is a 404; a draft of someone else too", async () => {
    const { cookie } = await signedIn();
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await post(unknown, { intent: "support" }, cookie)).status).toBe(404);
    const js = await post(unknown, { intent: "support", _js: "1" }, cookie);
    expect(js.status).toBe(404);
    expect(await js.json()).toEqual({ error: "supports:errors.notFound" });
    for (const id of ["abc", "1", "00000000-0000-4000-8000-00000000000g", "'; drop table supports; --"]) {
      expect((await post(id, { intent: "support" }, cookie)).status, id).toBe(404);
      expect((await settle(loader(loaderArgs(getRequest(`/propositions/${encodeURIComponent(id)}/soutien`), { id })))).status, id).toBe(404);
    }
    const draft = await insertProposal(db, { authorId: (await insertUser(db, { password: null })).id, status: "draft" });
    expect((await post(draft.id, { intent: "support" }, cookie)).status).toBe(404);
  });

  test("a missing or unknown intent, or a body that is not a form, is a 400 and changes nothing", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { cookie } = await signedIn();
    for (const form of [{}, { intent: "toggle" }, { intent: "support!" }] as Record<string, string>[]) {
      const response = await post(proposal.id, form, cookie);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "supports:errors.invalid" });
    }
    const broken = new Request(`http://localhost:3000/propositions/${proposal.id}/soutien`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=nope" },
      body: "not multipart",
    });
    expect((await settle(action(actionArgs(broken, { id: proposal.id })))).status).toBe(400);
    expect(await supportRows(proposal.id)).toHaveLength(0);
  });

  test("too many clicks in a short time: 429 with Retry-After, for the fetcher and without JavaScript (the error page, not a redirect)", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { cookie } = await signedIn();
    const points = RATE_LIMITS.support.account.points;
    for (let i = 0; i < points; i++) await post(proposal.id, { intent: i % 2 ? "withdraw" : "support", _js: "1" }, cookie);
    const js = await post(proposal.id, { intent: "support", _js: "1" }, cookie);
    expect(js.status).toBe(429);
    expect(Number(js.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await js.json()).toEqual({ error: "supports:errors.tooMany" });
    const plain = await post(proposal.id, { intent: "support" }, cookie);
    expect(plain.status).toBe(429);
    expect(Number(plain.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(plain.headers.get("Location")).toBeNull();
    expect(await supportRows(proposal.id)).toHaveLength(0);
  });
});

describe("GET /propositions/:id/soutien", () => {
  test("goes to the proposal page, for anyone", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const response = await settle(loader(loaderArgs(getRequest(`/propositions/${proposal.id}/soutien`), { id: proposal.id })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
  });
});
