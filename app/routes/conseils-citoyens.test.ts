import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertCouncilMeeting, insertCouncilMember, insertCouncilProposal, insertInterpellation } from "#tests/factories/councils.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as detail from "./conseils-citoyens.$code.tsx";
import * as index from "./conseils-citoyens._index.tsx";

const DAY = 24 * 3600_000;

async function page(code: string, cookie?: string) {
  return settle(detail.loader(loaderArgs(getRequest(`/conseils-citoyens/${encodeURIComponent(code)}`, { cookie }), { code })));
}

describe("/conseils-citoyens", () => {
  test("every council, by commune, with its figures", async () => {
    await insertCouncilMember(db, { councilCode: "QP062019", college: "actors", organisation: "Club de boxe" });
    await insertCouncilMeeting(db, { councilCode: "QP062019", startsAt: new Date(Date.now() + 2 * DAY) });
    const response = await settle(index.loader(loaderArgs(getRequest("/conseils-citoyens"))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toBe("Les conseils citoyens");
    expect(data.councilCount).toBe(21);
    const avion = data.groups.find((g: { slug: string }) => g.slug === "avion");
    expect(avion.councils).toEqual([
      expect.objectContaining({ code: "QP062019", name: "Conseil citoyen République - Cité 4", listed: { residents: 0, actors: 1 }, carriedCount: 0, nextMeetingAt: expect.any(String) }),
    ]);
  });
});

describe("/conseils-citoyens/:code", () => {
  test("the council's public page: listed members only, never a contact or an account id", async () => {
    const account = await insertUser(db, { password: null, email: "sylvie@example.org", displayName: "Sylvie Lefebvre" });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Sylvie Lefebvre", userId: account.id });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Discrète", listed: false });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Bernard Dufour", college: "actors", organisation: "Secours populaire" });
    const author = await insertUser(db, { password: null });
    const proposal = await insertProposal(db, { authorId: author.id, title: "Un city-stade rénové", quartierCode: "QP062028", communeSlug: "lievin" });
    await insertCouncilProposal(db, { councilCode: "QP062028", proposalId: proposal.id, statement: "Les jeunes du quartier le demandent." });
    await insertInterpellation(db, { councilCode: "QP062028", title: "Et l'éclairage ?", createdAt: new Date(Date.now() - 5 * DAY - 3600_000) });

    const response = await page("QP062028");
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.council.colleges.residents).toEqual({ members: [{ displayName: "Sylvie Lefebvre", college: "residents", organisation: "" }], unlistedCount: 1 });
    expect(data.council.colleges.actors.members).toEqual([{ displayName: "Bernard Dufour", college: "actors", organisation: "Secours populaire" }]);
    const text = JSON.stringify(data);
    for (const secret of ["sylvie@example.org", account.id, "Discrète", "@"]) expect(text).not.toContain(secret);
    expect(data.council.proposals).toEqual([expect.objectContaining({ id: proposal.id, title: "Un city-stade rénové", tie: "carried", status: "published" })]);
    expect(data.council.interpellations).toEqual([expect.objectContaining({ title: "Et l'éclairage ?", answer: null, waitingDays: 5 })]);
    expect(data.canAct).toBe(false);
    expect(data.canManage).toBe(false);
  });

  test("a member of this council sees the board and the interpellation links; a coordinator the management link too", async () => {
    const member = await insertUser(db, { password: null, roles: [{ role: "council_member", quartierCode: "QP062024" }] });
    const otherMember = await insertUser(db, { password: null, roles: [{ role: "council_member", quartierCode: "QP062028" }] });
    const coordinator = await insertUser(db, { password: null, roles: [{ role: "coordinator" }] });
    expect(await (await page("QP062024", await sessionCookieFor(member.id))).json()).toMatchObject({ canAct: true, canManage: false });
    expect(await (await page("QP062024", await sessionCookieFor(otherMember.id))).json()).toMatchObject({ canAct: false, canManage: false });
    expect(await (await page("QP062024", await sessionCookieFor(coordinator.id))).json()).toMatchObject({ canAct: true, canManage: true });
  });

  test.each(["qp062024", "QP06202%00", "QP06202\u0000", "QP999999", "QP0620245", "x".repeat(5000), "<script>", "../QP062024"])("bad code #%#: 404", async (code) => {
    expect((await page(code)).status).toBe(404);
  });
});

describe("/quartiers/:code shows its council", () => {
  test("name, link, number of listed members and how to join", async () => {
    const { loader } = await import("./quartiers.$code.tsx");
    await insertCouncilMember(db, { councilCode: "QP062028" });
    await insertCouncilMember(db, { councilCode: "QP062028" });
    await insertCouncilMember(db, { councilCode: "QP062028", listed: false });
    const data = await (await settle(loader(loaderArgs(getRequest("/quartiers/QP062028"), { code: "QP062028" })))).json();
    expect(data.council).toEqual({ code: "QP062028", name: "Conseil citoyen Calonne - Marichelles - Vent De Bise", howToJoin: "", listedCount: 2 });
  });
});
