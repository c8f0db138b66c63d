import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { insertToolboxEntryRow } from "#tests/factories/toolbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { loader } from "./boite-a-outils._index.tsx";

const list = async (query = "", cookie = "") => (await settle(loader(loaderArgs(getRequest(`/boite-a-outils${query}`, { cookie }))))).json();

describe("/boite-a-outils", () => {
  test("a visitor finds published entries by ambition and by word; drafts stay out; unknown values are named", async () => {
    await insertToolboxEntryRow(db, { title: "Un jardin partagé à la cité 12-14", ambitionNumbers: [8] });
    await insertToolboxEntryRow(db, { title: "Le forum santé", ambitionNumbers: [7] });
    await insertToolboxEntryRow(db, { title: "Un jardin en brouillon", ambitionNumbers: [8], status: "draft" });
    const byAmbition = await list("?ambition=8");
    expect(byAmbition.page.items.map((i: { title: string }) => i.title)).toEqual(["Un jardin partagé à la cité 12-14"]);
    const byWord = await list("?q=jardins&commune=atlantide&ambition=99");
    expect(byWord.page.total).toBe(1);
    expect(byWord.ignored).toEqual(["ambition", "commune"]);
    expect(byWord).toMatchObject({ drafts: null, editor: false, canRefer: false });
  });

  test("editors see the drafts; members of the réseau des acteurs are offered the GTP", async () => {
    await insertToolboxEntryRow(db, { title: "Un jardin en brouillon", status: "draft" });
    const ambassador = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "lens" }] });
    const editor = await list("", await sessionCookieFor(ambassador.id));
    expect(editor.drafts.map((d: { title: string }) => d.title)).toEqual(["Un jardin en brouillon"]);
    expect(editor.page.total).toBe(0);
    const member = await insertUser(db, { password: null, roles: [{ role: "network_member" }] });
    expect(await list("", await sessionCookieFor(member.id))).toMatchObject({ canRefer: true, editor: false, drafts: null });
  });

  test("hostile words and pages answer a page, not an error", async () => {
    const page = await list(`?q=${encodeURIComponent("jardin' OR 1=1 --\u0000 & | !")}&page=0&type=%FF`);
    expect(page.page.items).toEqual([]);
    expect(page.ignored).toEqual(expect.arrayContaining(["page", "rayon"]));
  });
});
