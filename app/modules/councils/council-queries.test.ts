import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertCouncilMeeting, insertCouncilMember, insertCouncilProposal, insertInterpellation } from "#tests/factories/councils.ts";
import { insertProposal } from "#tests/factories/proposals.ts";
import { insertUser } from "#tests/factories/users.ts";
import { councilQuartiers } from "#db/schema/index.ts";
import { eq } from "drizzle-orm";
import { getCouncilManagement, getCouncilOfQuartier, getCouncilPage, groupCouncilsByCommune, listCouncils, listCurrentMemberships } from "./council-queries.server.ts";

const DAY = 24 * 3600_000;

describe("listCouncils", () => {
  test("every seeded council with its quartiers, listed members per collège, next meeting and carried proposals", async () => {
    const author = await insertUser(db, { password: null });
    await insertCouncilMember(db, { councilCode: "QP062024", college: "residents" });
    await insertCouncilMember(db, { councilCode: "QP062024", college: "residents" });
    await insertCouncilMember(db, { councilCode: "QP062024", college: "actors", organisation: "Secours populaire" });
    await insertCouncilMember(db, { councilCode: "QP062024", college: "residents", listed: false });
    await insertCouncilMember(db, { councilCode: "QP062024", college: "actors", leftAt: new Date() });
    const soon = await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() + 3 * DAY) });
    await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() + 10 * DAY) });
    await insertCouncilMeeting(db, { councilCode: "QP062024", startsAt: new Date(Date.now() - 10 * DAY) });
    await insertCouncilProposal(db, { councilCode: "QP062024", proposalId: (await insertProposal(db, { authorId: author.id })).id });
    await insertCouncilProposal(db, { councilCode: "QP062024", proposalId: (await insertProposal(db, { authorId: author.id })).id, tie: "followed" });
    // Hidden and draft proposals are not counted.
    const hidden = await insertProposal(db, { authorId: author.id });
    await db.update((await import("#db/schema/index.ts")).proposals).set({ hiddenAt: new Date() }).where(eq((await import("#db/schema/index.ts")).proposals.id, hidden.id));
    await insertCouncilProposal(db, { councilCode: "QP062024", proposalId: hidden.id });
    await insertCouncilProposal(db, { councilCode: "QP062024", proposalId: (await insertProposal(db, { authorId: author.id, status: "draft" })).id });

    const councils = await listCouncils();
    expect(councils).toHaveLength(21);
    const lens = councils.find((c) => c.code === "QP062024")!;
    expect(lens).toEqual({
      code: "QP062024",
      name: "Conseil citoyen Cité 12-14",
      quartiers: [{ code: "QP062024", name: "Cité 12-14", communes: [{ slug: "lens", name: "Lens" }] }],
      listed: { residents: 2, actors: 1 },
      nextMeetingAt: soon.startsAt.toISOString(),
      carriedCount: 1,
    });
    expect(councils.find((c) => c.code === "QP062028")).toMatchObject({ listed: { residents: 0, actors: 0 }, nextMeetingAt: null, carriedCount: 0 });
  });

  test("grouped by commune: a council spanning communes is under each; one with no quartier comes last", async () => {
    await db.update(councilQuartiers).set({ councilCode: "QP062024" }).where(eq(councilQuartiers.quartierCode, "QP062002"));
    const groups = groupCouncilsByCommune(await listCouncils());
    expect(groups[0]!.name).toBe("Angres");
    expect(groups[0]!.councils.map((c) => c.code)).toEqual(["QP062024"]);
    const lens = groups.find((g) => g.slug === "lens")!;
    expect(lens.councils.map((c) => c.code)).toContain("QP062025");
    expect(groups.find((g) => g.slug === "vendin-le-vieil")!.councils.map((c) => c.code)).toEqual(["QP062025"]);
    expect(groups.at(-1)).toMatchObject({ slug: null, name: null, councils: [expect.objectContaining({ code: "QP062002", quartiers: [] })] });
  });
});

describe("getCouncilPage", () => {
  test("listed current members only, with no contact details; how many others; meetings; proposals; interpellations", async () => {
    const account = await insertUser(db, { password: null, email: "membre@example.org", displayName: "Compte caché" });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Sylvie Lefebvre", college: "residents", userId: account.id });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Anne Bauduin", college: "actors", organisation: "Centre social Vent de Bise" });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Ne pas montrer", college: "residents", listed: false });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Non plus", college: "residents", listed: false });
    await insertCouncilMember(db, { councilCode: "QP062028", displayName: "Partie", college: "actors", leftAt: new Date() });
    await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Autre conseil" });
    await insertCouncilMeeting(db, { councilCode: "QP062028", title: "Prochaine", startsAt: new Date(Date.now() + DAY) });
    await insertCouncilMeeting(db, { councilCode: "QP062028", title: "Passée", startsAt: new Date(Date.now() - DAY), summary: "Nous avons parlé des jeux." });

    const author = await insertUser(db, { password: null });
    const followed = await insertProposal(db, { authorId: author.id, title: "Suivie" });
    const carried = await insertProposal(db, { authorId: author.id, title: "Portée" });
    const draft = await insertProposal(db, { authorId: author.id, title: "Brouillon", status: "draft" });
    await insertCouncilProposal(db, { councilCode: "QP062028", proposalId: followed.id, tie: "followed", createdAt: new Date() });
    await insertCouncilProposal(db, { councilCode: "QP062028", proposalId: carried.id, statement: "Parce que.", createdAt: new Date(Date.now() - DAY) });
    await insertCouncilProposal(db, { councilCode: "QP062028", proposalId: draft.id });
    await insertInterpellation(db, { councilCode: "QP062028", title: "Répondue", answer: "Les travaux commencent en mars." });
    await insertInterpellation(db, { councilCode: "QP062028", title: "Cachée", hiddenAt: new Date() });

    const page = (await getCouncilPage("QP062028"))!;
    expect(page).toMatchObject({ code: "QP062028", name: "Conseil citoyen Calonne - Marichelles - Vent De Bise", quartiers: [{ code: "QP062028", communes: [{ slug: "lievin" }] }] });
    expect(page.colleges.residents).toEqual({ members: [{ displayName: "Sylvie Lefebvre", college: "residents", organisation: "" }], unlistedCount: 2 });
    expect(page.colleges.actors).toEqual({ members: [{ displayName: "Anne Bauduin", college: "actors", organisation: "Centre social Vent de Bise" }], unlistedCount: 0 });
    for (const member of [...page.colleges.residents.members, ...page.colleges.actors.members]) expect(Object.keys(member).sort()).toEqual(["college", "displayName", "organisation"]);
    expect(JSON.stringify(page)).not.toContain("membre@example.org");
    expect(JSON.stringify(page)).not.toContain(account.id);
    expect(JSON.stringify(page)).not.toContain("Ne pas montrer");
    expect(page.upcomingMeetings.map((m) => m.title)).toEqual(["Prochaine"]);
    expect(page.pastMeetings).toEqual([expect.objectContaining({ title: "Passée", summary: "Nous avons parlé des jeux." })]);
    expect(page.proposals.map((p) => [p.title, p.tie, p.statement])).toEqual([
      ["Portée", "carried", "Parce que."],
      ["Suivie", "followed", ""],
    ]);
    expect(page.interpellations).toEqual([expect.objectContaining({ title: "Répondue", answer: "Les travaux commencent en mars.", answeredAt: expect.any(Date) })]);
    expect(Object.keys(page.interpellations[0]!).sort()).toEqual(["answer", "answeredAt", "createdAt", "id", "kind", "title"]);
  });

  test("an unknown council is null", async () => {
    expect(await getCouncilPage("QP999999")).toBeNull();
  });
});

test("getCouncilOfQuartier: the council covering the quartier, with its listed members count", async () => {
  await insertCouncilMember(db, { councilCode: "QP062024" });
  await insertCouncilMember(db, { councilCode: "QP062024", listed: false });
  await db.update(councilQuartiers).set({ councilCode: "QP062024" }).where(eq(councilQuartiers.quartierCode, "QP062026"));
  expect(await getCouncilOfQuartier("QP062026")).toEqual({ code: "QP062024", name: "Conseil citoyen Cité 12-14", howToJoin: "", listedCount: 1 });
  expect(await getCouncilOfQuartier("QP999999")).toBeNull();
});

test("getCouncilManagement: current and past members, whether they have an account (not which), and other quartiers", async () => {
  const account = await insertUser(db, { password: null, email: "compte@example.org" });
  await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Avec compte", userId: account.id, listed: false });
  await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Sans compte", college: "actors", organisation: "AFEV" });
  await insertCouncilMember(db, { councilCode: "QP062024", displayName: "Ancienne", leftAt: new Date() });
  const data = (await getCouncilManagement("QP062024"))!;
  expect(data.currentMembers.map((m) => [m.displayName, m.hasAccount, m.listed])).toEqual([
    ["Sans compte", false, true],
    ["Avec compte", true, false],
  ]);
  expect(data.pastMembers).toEqual([expect.objectContaining({ displayName: "Ancienne", leftAt: expect.any(Date) })]);
  expect(JSON.stringify(data)).not.toContain("compte@example.org");
  expect(JSON.stringify(data)).not.toContain(account.id);
  expect(data.otherQuartiers).toHaveLength(20);
  expect(data.otherQuartiers.map((q) => q.code)).not.toContain("QP062024");
  expect(await getCouncilManagement("QP999999")).toBeNull();
});

test("listCurrentMemberships: the councils a person sits on now", async () => {
  const user = await insertUser(db, { password: null });
  await insertCouncilMember(db, { councilCode: "QP062024", userId: user.id });
  await insertCouncilMember(db, { councilCode: "QP062028", userId: user.id, leftAt: new Date() });
  expect(await listCurrentMemberships(user.id)).toEqual([{ councilCode: "QP062024", councilName: "Conseil citoyen Cité 12-14", college: "residents", listed: true }]);
});
