import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { PAGE_SIZE } from "#app/modules/contributions/contribution-params.ts";
import { RATE_LIMITS } from "#app/modules/security/rate-limit.server.ts";
import { contributions, proposals } from "#db/schema/index.ts";
import { insertContribution, insertContributions } from "#tests/factories/contributions.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.contributions.ts";

async function signedIn(input: Parameters<typeof insertUser>[1] = {}) {
  const user = await insertUser(db, { password: null, ...input });
  return { user, cookie: await sessionCookieFor(user.id) };
}

async function setup() {
  const author = await signedIn({ displayName: "Sophie" });
  const resident = await signedIn({ displayName: "Nadia" });
  const proposal = await insertProposal(db, { authorId: author.user.id });
  return { author, resident, proposal };
}

function post(proposalId: string, form: Record<string, string>, cookie?: string) {
  return settle(action(actionArgs(postRequest(`/propositions/${proposalId}/contributions`, form, { cookie }), { id: proposalId })));
}

async function rows() {
  return db.select().from(contributions);
}

async function counter(proposalId: string) {
  const [row] = await db.select({ count: proposals.contributionCount }).from(proposals).where(eq(proposals.id, proposalId));
  return row!.count;
}

/** The no-JavaScript answer to a failed post: where it sends the person back, read as the section reads it. */
function returnedTo(response: Response) {
  const location = new URL(response.headers.get("Location")!, "http://localhost");
  return { path: location.pathname, hash: location.hash, params: Object.fromEntries(location.searchParams), raw: response.headers.get("Location")! };
}

describe("POST /propositions/:id/contributions", () => {
  test("anonymous visitors are sent to sign in; unverified accounts are refused", async () => {
    const { proposal } = await setup();
    const anonymous = await post(proposal.id, { body: "Bonjour à tous." });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpropositions%2F${proposal.id}%2Fcontributions`);
    const unverified = await signedIn({ verified: false });
    // Without JavaScript: back to the proposal with the reason and the text kept; with it, a 403 that says why.
    const plain = returnedTo(await post(proposal.id, { body: "Bonjour à tous." }, unverified.cookie));
    expect(plain.params).toMatchObject({ contribution_error: "unverified", draft: "Bonjour à tous." });
    const withJs = await post(proposal.id, { body: "Bonjour à tous.", _js: "1" }, unverified.cookie);
    expect(withJs.status).toBe(403);
    expect(await withJs.json()).toMatchObject({ errors: { form: "contributions:errors.unverified" }, values: { body: "Bonjour à tous." } });
    expect(await rows()).toEqual([]);
  });

  test("unknown or malformed proposal ids are 404, drafts too", async () => {
    const { author, resident } = await setup();
    expect((await post("00000000-0000-4000-8000-000000000000", { body: "Bonjour à tous." }, resident.cookie)).status).toBe(404);
    expect((await post("pas-un-id", { body: "Bonjour à tous." }, resident.cookie)).status).toBe(404);
    const draft = await insertProposal(db, { authorId: author.user.id, status: "draft" });
    expect((await post(draft.id, { body: "Bonjour à tous." }, resident.cookie)).status).toBe(404);
  });

  test("without JavaScript: posted, then back to the contribution on the page with a confirmation", async () => {
    const { resident, proposal } = await setup();
    const response = await post(proposal.id, { body: "Il faudrait un point d'eau.", stance: "for", parentId: "" }, resident.cookie);
    expect(response.status).toBe(302);
    const [row] = await rows();
    expect(row).toMatchObject({ body: "Il faudrait un point d'eau.", stance: "for", authorId: resident.user.id, parentId: null });
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}#contribution-${row!.id}`);
    expect(await flashSetBy(response)).toBe("contributions:flash.added");
    expect(await counter(proposal.id)).toBe(1);
  });

  test("with JavaScript: JSON with the new id and where it shows", async () => {
    const { resident, proposal } = await setup();
    const response = await post(proposal.id, { body: "Il faudrait un point d'eau.", stance: "", _js: "1" }, resident.cookie);
    expect(response.status).toBe(200);
    const [row] = await rows();
    expect(await response.json()).toEqual({ status: "ok", id: row!.id, location: `/propositions/${proposal.id}#contribution-${row!.id}` });
    expect(row!.stance).toBeNull();
  });

  test("the author replies; a reply lands in its thread's page, and is confirmed as a reply", async () => {
    const { author, resident, proposal } = await setup();
    const start = Date.now() - 120 * 60_000;
    const tops = await insertContributions(db, Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({ proposalId: proposal.id, authorId: resident.user.id, createdAt: new Date(start + i * 60_000) })));
    const last = tops.at(-1)!;
    const response = await post(proposal.id, { body: "Merci, je regarde avec la mairie.", parentId: last.id, stance: "against" }, author.cookie);
    const reply = (await rows()).find((r) => r.parentId === last.id)!;
    expect(reply).toMatchObject({ authorId: author.user.id, stance: null });
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}?page=2#contribution-${reply.id}`);
    expect(await flashSetBy(response)).toBe("contributions:flash.replied");
  });

  test("bad input without JavaScript: back to the form with the error key and the text typed, nothing written", async () => {
    const { resident, proposal } = await setup();
    const empty = returnedTo(await post(proposal.id, { body: "   ", stance: "for", tri: "utiles", page: "2" }, resident.cookie));
    expect(empty.path).toBe(`/propositions/${proposal.id}`);
    expect(empty.hash).toBe("#contribuer");
    expect(empty.params).toEqual({ tri: "utiles", page: "2", contribution_error: "bodyRequired", contribution_form: "new", draft: "   ", stance: "for" });

    const short = returnedTo(await post(proposal.id, { body: "x", stance: "peut-être" }, resident.cookie));
    expect(short.params).toMatchObject({ contribution_error: "bodyTooShort", draft: "x" });
    expect(short.params.stance).toBeUndefined();

    const long = "é".repeat(10_000);
    const tooLong = returnedTo(await post(proposal.id, { body: long }, resident.cookie));
    expect(tooLong.params).toMatchObject({ contribution_error: "bodyTooLong", draft_cut: "1" });
    expect(long.startsWith(tooLong.params.draft!)).toBe(true);
    expect(tooLong.raw.length).toBeLessThan(8000);

    expect(await rows()).toEqual([]);
    expect(await counter(proposal.id)).toBe(0);
  });

  test("bad input with JavaScript: 400 with errors by field and the values typed", async () => {
    const { resident, proposal } = await setup();
    const response = await post(proposal.id, { body: "x".repeat(10_000), stance: "maybe", _js: "1", tri: "utiles" }, resident.cookie);
    expect(response.status).toBe(400);
    const data = await response.json();
    expect(data).toEqual({ status: "error", errors: { body: "contributions:errors.bodyTooLong", stance: "contributions:errors.stanceInvalid" }, values: { body: "x".repeat(10_000), stance: "maybe" } });
    expect(await rows()).toEqual([]);
  });

  test("HTML and SQL are stored as the text typed", async () => {
    const { resident, proposal } = await setup();
    const hostile = `<img src=x onerror=alert(1)>'); delete from contributions; --`;
    expect((await post(proposal.id, { body: hostile }, resident.cookie)).status).toBe(302);
    expect((await rows())[0]!.body).toBe(hostile);
  });

  test("the same text twice is refused (by the repeated-text rule): 409 with JavaScript, back with the error without", async () => {
    const { resident, proposal } = await setup();
    await post(proposal.id, { body: "Je suis d'accord." }, resident.cookie);
    const js = await post(proposal.id, { body: "je suis d'accord.", _js: "1" }, resident.cookie);
    expect(js.status).toBe(409);
    expect((await js.json()).errors).toEqual({ body: "contributions:errors.repeated" });
    const plain = returnedTo(await post(proposal.id, { body: "Je suis d'accord." }, resident.cookie));
    expect(plain.params).toMatchObject({ contribution_error: "repeated", draft: "Je suis d'accord." });
    expect(await rows()).toHaveLength(1);
  });

  test("a withdrawn proposal takes no contribution, for moderators neither", async () => {
    const { author } = await setup();
    const moderator = await signedIn({ roles: [{ role: "moderator" }] });
    const withdrawn = await insertProposal(db, { authorId: author.user.id, status: "withdrawn" });
    const js = await post(withdrawn.id, { body: "Trop tard ?", _js: "1" }, moderator.cookie);
    expect(js.status).toBe(409);
    expect((await js.json()).errors).toEqual({ form: "contributions:errors.closed" });
    expect(returnedTo(await post(withdrawn.id, { body: "Trop tard ?" }, moderator.cookie)).params).toMatchObject({ contribution_error: "closed" });
    expect(await rows()).toEqual([]);
  });

  test("a reply to a contribution of another proposal is a 400, and goes back to that reply form", async () => {
    const { author, resident, proposal } = await setup();
    const other = await insertProposal(db, { authorId: author.user.id });
    const elsewhere = await insertContribution(db, { proposalId: other.id, authorId: author.user.id });
    const js = await post(proposal.id, { body: "Réponse égarée.", parentId: elsewhere.id, _js: "1" }, resident.cookie);
    expect(js.status).toBe(400);
    expect((await js.json()).errors).toEqual({ form: "contributions:errors.parentUnavailable" });
    const plain = returnedTo(await post(proposal.id, { body: "Réponse égarée.", parentId: elsewhere.id }, resident.cookie));
    expect(plain.params).toMatchObject({ contribution_error: "parentUnavailable", contribution_form: `reply-${elsewhere.id}` });
    expect(plain.hash).toBe(`#repondre-${elsewhere.id}`);
    const malformed = await post(proposal.id, { body: "Réponse égarée.", parentId: "../../etc", _js: "1" }, resident.cookie);
    expect(malformed.status).toBe(400);
    expect((await rows()).filter((r) => r.proposalId === proposal.id)).toEqual([]);
  });

  test("posting too often: 429 with Retry-After, the text kept for the fetcher; without JavaScript, the error page, not a redirect", async () => {
    const { resident, proposal } = await setup();
    const { points } = RATE_LIMITS.contribution.account;
    for (let i = 0; i < points; i++) expect((await post(proposal.id, { body: `Message numéro ${i}.` }, resident.cookie)).status).toBe(302);
    const refused = await post(proposal.id, { body: "Encore un message.", _js: "1" }, resident.cookie);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({ status: "error", errors: { form: "contributions:errors.rateLimited" }, values: { body: "Encore un message." } });
    const plain = await post(proposal.id, { body: "Encore un message." }, resident.cookie);
    expect(plain.status).toBe(429);
    expect(Number(plain.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(plain.headers.get("Location")).toBeNull();
    expect(await rows()).toHaveLength(points);
  });

  test("a body that is not a form is a 400, never a 500", async () => {
    const { resident, proposal } = await setup();
    const request = new Request(`http://localhost:3000/propositions/${proposal.id}/contributions`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=nope", Cookie: resident.cookie, Origin: "http://localhost:3000" },
      body: "garbage",
    });
    const response = await settle(action(actionArgs(request, { id: proposal.id })));
    // Without the _js marker (unreadable), the person goes back to the form with a "could not be read" message.
    expect(returnedTo(response).params).toMatchObject({ contribution_error: "invalidForm", contribution_form: "new" });
    expect(await rows()).toEqual([]);
  });
});

describe("GET /propositions/:id/contributions", () => {
  test("leads to the proposal's contributions (after signing in, for instance); unknown ids are 404", async () => {
    const { proposal } = await setup();
    const response = await settle(loader(loaderArgs(getRequest(`/propositions/${proposal.id}/contributions`), { id: proposal.id })));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}#contributions`);
    expect((await settle(loader(loaderArgs(getRequest("/propositions/x/contributions"), { id: "x" })))).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await settle(loader(loaderArgs(getRequest(`/propositions/${unknown}/contributions`), { id: unknown })))).status).toBe(404);
  });
});
