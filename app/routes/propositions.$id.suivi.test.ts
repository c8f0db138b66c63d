import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { proposalFollows } from "#db/schema/index.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { flashSetBy } from "#tests/helpers/email.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./propositions.$id.suivi.ts";

async function signedIn(verified = true) {
  const user = await insertUser(db, { password: null, verified });
  return { user, cookie: await sessionCookieFor(user.id) };
}

function post(proposalId: string, form: Record<string, string>, cookie?: string) {
  return settle(action(actionArgs(postRequest(`/propositions/${proposalId}/suivi`, form, { cookie }), { id: proposalId })));
}

const followsOf = (proposalId: string) => db.select().from(proposalFollows).where(eq(proposalFollows.proposalId, proposalId));

describe("POST /propositions/:id/suivi", () => {
  test("anonymous visitors are sent to sign in, then back to the proposal page", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const response = await post(proposal.id, { intent: "follow" });
    expect(response.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(`/propositions/${proposal.id}`)}`);
  });

  test("without JavaScript: follow and stop with a message, back on the proposal page", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { user, cookie } = await signedIn(false); // following needs no confirmed email
    const followed = await post(proposal.id, { intent: "follow" }, cookie);
    expect(followed.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
    expect(await flashSetBy(followed)).toBe("supports:flash.followed");
    expect(await followsOf(proposal.id)).toMatchObject([{ userId: user.id }]);
    const stopped = await post(proposal.id, { intent: "unfollow" }, cookie);
    expect(await flashSetBy(stopped)).toBe("supports:flash.unfollowed");
    expect(await followsOf(proposal.id)).toHaveLength(0);
  });

  test("with JavaScript: the fetcher gets the new state; repeating changes nothing", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const { cookie } = await signedIn();
    expect(await (await post(proposal.id, { intent: "follow", _js: "1" }, cookie)).json()).toEqual({ following: true });
    expect(await (await post(proposal.id, { intent: "follow", _js: "1" }, cookie)).json()).toEqual({ following: true });
    expect(await followsOf(proposal.id)).toHaveLength(1);
    expect(await (await post(proposal.id, { intent: "unfollow", _js: "1" }, cookie)).json()).toEqual({ following: false });
  });

  test("a withdrawn proposal cannot be followed (409), unknown and malformed ids are 404, a bad intent is 400", async () => {
    const withdrawn = await insertProposal(db, { authorId: null, status: "withdrawn" });
    const { cookie } = await signedIn();
    const js = await post(withdrawn.id, { intent: "follow", _js: "1" }, cookie);
    expect(js.status).toBe(409);
    expect(await js.json()).toEqual({ error: "supports:errors.followClosed" });
    expect(await flashSetBy(await post(withdrawn.id, { intent: "follow" }, cookie))).toBe("supports:errors.followClosed");
    expect((await post("00000000-0000-4000-8000-000000000000", { intent: "follow" }, cookie)).status).toBe(404);
    expect((await post("nope", { intent: "follow" }, cookie)).status).toBe(404);
    expect((await post(withdrawn.id, { intent: "subscribe" }, cookie)).status).toBe(400);
    expect(await followsOf(withdrawn.id)).toHaveLength(0);
  });

  test("GET goes to the proposal page", async () => {
    const proposal = await insertProposal(db, { authorId: null });
    const response = await settle(loader(loaderArgs(getRequest(`/propositions/${proposal.id}/suivi`), { id: proposal.id })));
    expect(response.headers.get("Location")).toBe(`/propositions/${proposal.id}`);
  });
});
