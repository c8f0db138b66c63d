import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { getCouncilPage } from "#app/modules/councils/council-queries.server.ts";
import { councilMeetings, councilMembers } from "#db/schema/index.ts";
import { seedDemoAccounts } from "#tests/factories/demo.ts";
import { seedDemoCouncils } from "#tests/factories/demo-councils.ts";

test("seedDemoCouncils: three councils with members, meetings and Sylvie listed in Liévin; running it again changes nothing", async () => {
  await seedDemoAccounts(db);
  await seedDemoCouncils(db);
  const lievin = (await getCouncilPage("QP062028"))!;
  expect(lievin.colleges.residents.members.map((m) => m.displayName)).toContain("Sylvie Lefebvre");
  expect(lievin.colleges.residents.unlistedCount).toBe(1);
  expect(lievin.howToJoin).not.toBe("");
  expect(lievin.upcomingMeetings).toHaveLength(1);
  expect(lievin.pastMeetings[0]!.summary).not.toBe("");
  for (const code of ["QP062024", "QP062019"]) {
    const page = (await getCouncilPage(code))!;
    expect(page.colleges.residents.members.length).toBeGreaterThan(0);
    expect(page.colleges.actors.members.length).toBeGreaterThan(0);
  }
  const members = await db.$count(councilMembers);
  const meetings = await db.$count(councilMeetings);
  await seedDemoCouncils(db);
  expect(await db.$count(councilMembers)).toBe(members);
  expect(await db.$count(councilMeetings)).toBe(meetings);
  // Sylvie's membership was updated, not doubled.
  expect(members).toBe(6 + 5 + 5 + 1);
});
