import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getContributionsSection } from "#app/modules/contributions/contribution-queries.server.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { contributions, contributionUsefulMarks, proposals } from "#db/schema/index.ts";
import { insertContribution } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./contributions.$id.ts";
import { action as postContribution } from "./propositions.$id.contributions.ts";

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, { password: null, ...input });
  return { user, cookie: await sessionCookieFor(user.id) };
}

/** A proposal with one contribution posted (through the route) by Nadia a moment ago. */
async function setup() {
  const author = await signedIn({ displayName: "Sophie" });
  const nadia = await signedIn({ displayName: "Nadia" });
  const karim = await signedIn({ displayName: "Karim" });
  const moderator = await signedIn({ roles: [{ role: "moderator" }] });
  const proposal = await insertProposal(db, { authorId: author.user.id });
  const posted = await settle(postContribution(actionArgs(postRequest(`/propositions/${proposal.id}/contributions`, { body: "Un banc ici serait bien.", stance: "for", _js: "1" }, { cookie: nadia.cookie }), { id: proposal.id })));
  const { id } = (await posted.json()) as { id: string };
  return { author, nadia, karim, moderator, proposal, id };
}

function act(id: string, form: Record<string, string>, cookie?: string) {
  return settle(action(actionArgs(postRequest(`/contributions/${id}`, form, { cookie }), { id })));
}

async function row(id: string) {
  const [found] = await db.select().from(contributions).where(eq(contributions.id, id));
  return found!;
}

async function counter(proposalId: string) {
  const [found] = await db.select({ count: proposals.contributionCount }).from(proposals).where(eq(proposals.id, proposalId));
  return found!.count;
}

describe("GET /contributions/:id (permanent link)", () => {
  test("leads to the contribution on its proposal's page; unknown or malformed ids are 404", async () => {
    const { proposal, id } = await setup();
    const response = await settle(loader(loaderArgs(getRequest(`/contributions/${id}`), { id })));
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}#contribution-${id}`);
    for (const bad of ["00000000-0000-4000-8000-000000000000", "1 or 1=1"]) {
      expect((await settle(loader(loaderArgs(getRequest(`/contributions/x`), { id: bad })))).status).toBe(404);
    }
  });
});

describe("POST /contributions/:id", () => {
  test("anonymous visitors are sent to sign in; unknown ids are 404 for signed-in people", async () => {
    const { karim, id } = await setup();
    const anonymous = await act(id, { intent: "useful" });
    expect(anonymous.headers.get("Location")).toBe(`/connexion?redirectTo=%2Fcontributions%2F${id}`);
    expect((await act("00000000-0000-4000-8000-000000000000", { intent: "useful" }, karim.cookie)).status).toBe(404);
    expect((await act("nope", { intent: "useful" }, karim.cookie)).status).toBe(404);
  });

  test("an unknown intent is a 400", async () => {
    const { nadia, id } = await setup();
    expect((await act(id, { intent: "publish-everywhere" }, nadia.cookie)).status).toBe(400);
    expect((await act(id, {}, nadia.cookie)).status).toBe(400);
  });

  describe("edit", () => {
    test("the author edits within 15 minutes: back to the contribution (same view) with a confirmation, marked edited", async () => {
      const { nadia, proposal, id } = await setup();
      const response = await act(id, { intent: "edit", body: "Un banc ET un arbre ici.", stance: "testimony", tri: "utiles", page: "2" }, nadia.cookie);
      expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}?tri=utiles&page=2#contribution-${id}`);
      expect(await flashSetBy(response)).toBe("contributions:flash.edited");
      expect(await row(id)).toMatchObject({ body: "Un banc ET un arbre ici.", stance: "testimony" });
      expect((await row(id)).editedAt).toBeInstanceOf(Date);
      const js = await act(id, { intent: "edit", body: "Un banc et un arbre.", stance: "", _js: "1" }, nadia.cookie);
      expect(await js.json()).toEqual({ status: "ok", intent: "edit", id });
    });

    test("after 15 minutes: 409 with a clear message; without JavaScript, back with the text", async () => {
      const { nadia, id } = await setup();
      await db.update(contributions).set({ createdAt: new Date(Date.now() - 16 * 60_000) }).where(eq(contributions.id, id));
      const js = await act(id, { intent: "edit", body: "Trop tard.", _js: "1" }, nadia.cookie);
      expect(js.status).toBe(409);
      expect((await js.json()).errors).toEqual({ form: "contributions:errors.tooLate" });
      const plain = await act(id, { intent: "edit", body: "Trop tard." }, nadia.cookie);
      const location = new URL(plain.headers.get("Location")!, "http://localhost");
      expect(Object.fromEntries(location.searchParams)).toMatchObject({ contribution_error: "tooLate", contribution_form: `edit-${id}`, draft: "Trop tard." });
      expect(location.hash).toBe(`#contribution-${id}`);
      expect((await row(id)).body).toBe("Un banc ici serait bien.");
    });

    test("bad input: 400 with the error and the text, nothing changed", async () => {
      const { nadia, id } = await setup();
      const js = await act(id, { intent: "edit", body: "", _js: "1" }, nadia.cookie);
      expect(js.status).toBe(400);
      expect(await js.json()).toEqual({ status: "error", errors: { body: "contributions:errors.bodyRequired" }, values: { body: "" } });
      const plain = await act(id, { intent: "edit", body: "y".repeat(10_000) }, nadia.cookie);
      expect(new URL(plain.headers.get("Location")!, "http://localhost").searchParams.get("contribution_error")).toBe("bodyTooLong");
      expect((await row(id)).body).toBe("Un banc ici serait bien.");
    });

    test("someone else's contribution is 403, for a moderator too", async () => {
      const { karim, moderator, id } = await setup();
      for (const cookie of [karim.cookie, moderator.cookie]) expect((await act(id, { intent: "edit", body: "Réécrit.", _js: "1" }, cookie)).status).toBe(403);
      expect((await row(id)).body).toBe("Un banc ici serait bien.");
    });
  });

  describe("delete", () => {
    test("the author deletes: « Contribution supprimée » in the thread, the text in no read, counted out", async () => {
      const { nadia, karim, proposal, id } = await setup();
      expect(await counter(proposal.id)).toBe(1);
      const response = await act(id, { intent: "delete" }, nadia.cookie);
      expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}#contribution-${id}`);
      expect(await flashSetBy(response)).toBe("contributions:flash.deleted");
      expect(await counter(proposal.id)).toBe(0);
      const section = await getContributionsSection({ proposalId: proposal.id, viewerId: karim.user.id });
      expect(section!.items[0]).toMatchObject({ id, state: "deleted", body: null });
      expect(JSON.stringify(section)).not.toContain("Un banc ici serait bien.");
      // A second click changes nothing.
      const again = await act(id, { intent: "delete", _js: "1" }, nadia.cookie);
      expect(await again.json()).toEqual({ status: "ok", intent: "delete", id });
      expect(await counter(proposal.id)).toBe(0);
    });

    test("someone else's contribution is 403, for a moderator too", async () => {
      const { karim, moderator, proposal, id } = await setup();
      for (const cookie of [karim.cookie, moderator.cookie]) expect((await act(id, { intent: "delete" }, cookie)).status).toBe(403);
      expect((await row(id)).deletedAt).toBeNull();
      expect(await counter(proposal.id)).toBe(1);
    });
  });

  describe("useful", () => {
    test("another resident marks it useful and takes it back; the count follows exactly", async () => {
      const { karim, proposal, id } = await setup();
      const marked = await act(id, { intent: "useful", _js: "1" }, karim.cookie);
      expect(await marked.json()).toEqual({ status: "ok", intent: "useful", id, usefulCount: 1, marked: true });
      const again = await act(id, { intent: "useful" }, karim.cookie);
      expect(again.headers.get("Location")).toBe(`/propositions/${proposal.id}#contribution-${id}`);
      expect(await flashSetBy(again)).toBe("contributions:flash.markedUseful");
      expect((await row(id)).usefulCount).toBe(1);
      const unmarked = await act(id, { intent: "unuseful", _js: "1" }, karim.cookie);
      expect(await unmarked.json()).toEqual({ status: "ok", intent: "unuseful", id, usefulCount: 0, marked: false });
      expect(await db.select().from(contributionUsefulMarks)).toEqual([]);
    });

    test("not on one's own words (403), not for unverified accounts (403)", async () => {
      const { nadia, id } = await setup();
      expect((await act(id, { intent: "useful", _js: "1" }, nadia.cookie)).status).toBe(403);
      const unverified = await signedIn({ verified: false });
      expect((await act(id, { intent: "useful", _js: "1" }, unverified.cookie)).status).toBe(403);
      expect((await row(id)).usefulCount).toBe(0);
    });

    test("marking too often: 429 with Retry-After, for the fetcher and without JavaScript (the error page, not a redirect)", async () => {
      const { karim, id } = await setup();
      const { points } = RATE_LIMITS.useful.account;
      for (let i = 0; i < points; i++) expect((await act(id, { intent: i % 2 ? "unuseful" : "useful", _js: "1" }, karim.cookie)).status).toBe(200);
      const js = await act(id, { intent: "useful", _js: "1" }, karim.cookie);
      expect(js.status).toBe(429);
      expect(Number(js.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect((await js.json()).errors).toEqual({ form: "contributions:errors.rateLimited" });
      const plain = await act(id, { intent: "useful" }, karim.cookie);
      expect(plain.status).toBe(429);
      expect(Number(plain.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(plain.headers.get("Location")).toBeNull();
      expect((await row(id)).usefulCount).toBe(0);
    });

    test("a deleted contribution can no longer be marked: 409; without JavaScript, back at the contribution with the error", async () => {
      const { nadia, karim, proposal, id } = await setup();
      await act(id, { intent: "delete" }, nadia.cookie);
      const js = await act(id, { intent: "useful", _js: "1" }, karim.cookie);
      expect(js.status).toBe(409);
      expect((await js.json()).errors).toEqual({ form: "contributions:errors.unavailable" });
      const plain = await act(id, { intent: "useful", page: "3" }, karim.cookie);
      expect(plain.headers.get("Location")).toBe(`/propositions/${proposal.id}?page=3&contribution_error=unavailable&contribution_form=item-${id}#contribution-${id}`);
    });

    test("a hidden contribution is out of everyone's hands, its author's too", async () => {
      const { author, nadia, proposal } = await setup();
      const hidden = await insertContribution(db, { proposalId: proposal.id, authorId: nadia.user.id, hiddenAt: new Date() });
      expect((await act(hidden.id, { intent: "delete", _js: "1" }, nadia.cookie)).status).toBe(404);
      expect((await act(hidden.id, { intent: "edit", body: "Je corrige.", _js: "1" }, nadia.cookie)).status).toBe(404);
      expect((await act(hidden.id, { intent: "useful", _js: "1" }, author.cookie)).status).toBe(409);
    });
  });
});
