import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog, toolboxEntries } from "#db/schema/index.ts";
import { experienceForm } from "#tests/factories/toolbox.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import { action, loader } from "./boite-a-outils.nouvelle.tsx";

async function ambassadorCookie() {
  const user = await insertUser(db, { password: null, roles: [{ role: "ambassador", communeSlug: "avion" }] });
  return { cookie: await sessionCookieFor(user.id), userId: user.id };
}

const post = (type: string, body: Record<string, string | string[]>, cookie: string) =>
  settle(action(actionArgs(postRequest(`/boite-a-outils/nouvelle${type ? `?type=${type}` : ""}`, body, { cookie }))));

describe("/boite-a-outils/nouvelle", () => {
  test("the loader offers the referential; without a kind it asks which one", async () => {
    const { cookie } = await ambassadorCookie();
    const page = await (await settle(loader(loaderArgs(getRequest("/boite-a-outils/nouvelle?type=method", { cookie }))))).json();
    expect(page.kind).toBe("method");
    expect(page.choices.ambitions).toHaveLength(12);
    expect(page.choices.quartiers.some((q: { code: string }) => q.code === "QP062024")).toBe(true);
    const choose = await (await settle(loader(loaderArgs(getRequest("/boite-a-outils/nouvelle?type=outil", { cookie }))))).json();
    expect(choose.kind).toBeNull();
  });

  test("a resident gets 403, a visitor is sent to sign in", async () => {
    const resident = await insertUser(db, { password: null });
    expect((await post("experience", experienceForm(), await sessionCookieFor(resident.id))).status).toBe(403);
    const anonymous = await post("experience", experienceForm(), "");
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion\?redirectTo=/);
  });

  test("publish: the fiche is published with what was typed, and the author is the ambassador", async () => {
    const { cookie, userId } = await ambassadorCookie();
    const response = await post("experience", { ...experienceForm({ intent: "publish" }), ambitionNumbers: ["8", "12"], communeSlugs: ["lievin", "lens"] }, cookie);
    expect(response.status).toBe(302);
    const id = /^\/boite-a-outils\/([0-9a-f-]{36})$/.exec(response.headers.get("Location") ?? "")?.[1];
    const [row] = await db.select().from(toolboxEntries).where(eq(toolboxEntries.id, id!));
    expect(row).toMatchObject({ kind: "experience", status: "published", title: "Un repair café à la maison de quartier", authorId: userId, quartierCode: "QP062028" });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, id!))).map((a) => a.action).sort();
    expect(actions).toEqual(["toolbox.create", "toolbox.publish"]);
  });

  test("a method's form reads a method's fields only", async () => {
    const { cookie } = await ambassadorCookie();
    const response = await post(
      "method",
      { title: "Le photo-langage", summary: "Des photos pour parler.", steps: "Étaler les photos\nChacun en choisit une", durationMinutes: "60", whatWorked: "ignoré", intent: "save_draft" },
      cookie,
    );
    expect(response.status).toBe(302);
    const [row] = await db.select().from(toolboxEntries).where(eq(toolboxEntries.title, "Le photo-langage"));
    expect(row).toMatchObject({ kind: "method", status: "draft", durationMinutes: 60, whatWorked: "" });
  });

  test.each([
    ["a missing title", { title: "" }, "title", "validation.required"],
    ["a title too long", { title: "Jardin ".repeat(40) }, "title", "validation.tooLong"],
    ["a NUL in the text", { summary: "Un samedi\u0000 par mois" }, "summary", "validation.brokenText"],
    ["an unknown ambition", { ambitionNumbers: "42" }, "ambitionNumbers", "toolbox:validation.unknownAmbition"],
    ["an unknown quartier", { quartierCode: "QP000000" }, "quartierCode", "toolbox:validation.unknownQuartier"],
    ["an unknown commune", { communeSlugs: "atlantide" }, "communeSlugs", "toolbox:validation.unknownCommune"],
  ])("%s: 400 with the message on its field, everything typed kept, nothing saved", async (_name, change, field, message) => {
    const { cookie } = await ambassadorCookie();
    const response = await post("experience", experienceForm(change), cookie);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[field]).toBe(message);
    expect(body.values).toMatchObject({ whatWorked: "Les gens reviennent avec leurs voisins.", organisation: "Régie de quartier" });
    expect(await db.$count(toolboxEntries)).toBe(0);
  });

  test("without a kind, a post is refused with a message, not a 500", async () => {
    const { cookie } = await ambassadorCookie();
    const response = await post("", experienceForm(), cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).errors.form).toBe("toolbox:validation.kindRequired");
  });
});
