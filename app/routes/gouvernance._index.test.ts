import { describe, expect, test } from "vitest";
import { person, qualifiedProposal } from "#tests/factories/gtp.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader } from "./gouvernance._index.tsx";

const open = async (path: string, cookie: string) => (await settle(Promise.resolve(loader(loaderArgs(getRequest(path, { cookie })))))).json();

describe("/gouvernance", () => {
  test("the oldest first, each with its days waiting, deadline and « en retard » marker; the counts", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const cookie = await sessionCookieFor(coordinator.id);
    const late = await qualifiedProposal({ daysAgo: 130, origin: "labo_session" });
    const recent = await qualifiedProposal({ daysAgo: 3 });
    const data = await open("/gouvernance", cookie);
    expect(data.waiting.map((r: { id: string }) => r.id)).toEqual([late.id, recent.id]);
    expect(data.waiting[0]).toMatchObject({ daysWaiting: 130, overdue: true, origin: "labo_session", partnerName: null });
    expect(data.waiting[1]).toMatchObject({ daysWaiting: 3, overdue: false });
    expect(data).toMatchObject({ waitingTotal: 2, overdueTotal: 1, nextHref: null, firstHref: null, days: 120 });
  });

  test("filters come from the address and stay in the page links; a tampered page marker shows the first page", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const cookie = await sessionCookieFor(coordinator.id);
    const mine = await qualifiedProposal({ ambitionNumber: 3, daysAgo: 60 });
    await qualifiedProposal({ ambitionNumber: 8, daysAgo: 60 });
    const data = await open("/gouvernance?ambition=3&attente=30&apres=trafique", cookie);
    expect(data.filters).toMatchObject({ ambition: 3, minDays: 30 });
    expect(data.waiting.map((r: { id: string }) => r.id)).toEqual([mine.id]);
    expect(data.firstHref).toBeNull();
  });
});
