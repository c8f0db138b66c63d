import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ambitions, auditLog, governanceBodies, piliers, quartiers, transversalAxes, type Role } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { actionArgs, getRequest, loaderArgs, postRequest, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as overview from "./admin.referentiel._index.tsx";
import * as editRoute from "./admin.referentiel.$kind.$key.tsx";

type RouteModule = { loader: (args: ReturnType<typeof loaderArgs>) => Promise<Response>; action: (args: ReturnType<typeof actionArgs>) => Promise<Response> };

/** One row per kind of item: where its page is, a valid form, and how to read the row back. */
const kinds = [
  {
    kind: "pilier",
    route: editRoute as RouteModule,
    path: "/admin/referentiel/piliers/2",
    params: { kind: "piliers", key: "2" },
    unknown: [{ kind: "piliers", key: "4" }, { kind: "piliers", key: "abc" }, { kind: "piliers", key: "02" }],
    form: { shortTitle: "Agir ensemble", title: "AGIR : un titre corrigé", summary: "Un résumé." },
    read: async () => (await db.select().from(piliers).where(eq(piliers.number, 2)))[0]!,
  },
  {
    kind: "ambition",
    route: editRoute as RouteModule,
    path: "/admin/referentiel/ambitions/3",
    params: { kind: "ambitions", key: "3" },
    unknown: [{ kind: "ambitions", key: "13" }, { kind: "ambitions", key: "abc" }, { kind: "ambitions", key: "-1" }],
    form: { title: "Aller vers les habitants", summary: "Un résumé.", description: "Premier paragraphe.\r\n\r\nSecond.", supportThreshold: "40" },
    read: async () => (await db.select().from(ambitions).where(eq(ambitions.number, 3)))[0]!,
  },
  {
    kind: "transversal_axis",
    route: editRoute as RouteModule,
    path: "/admin/referentiel/axes/transition_ecologique",
    params: { kind: "axes", key: "transition_ecologique" },
    unknown: [{ kind: "axes", key: "inconnu" }, { kind: "axes", key: "../etc" }],
    form: { title: "Transition écologique et sociale", summary: "Un résumé." },
    read: async () => (await db.select().from(transversalAxes).where(eq(transversalAxes.key, "transition_ecologique")))[0]!,
  },
  {
    kind: "quartier",
    route: editRoute as RouteModule,
    path: "/admin/referentiel/quartiers/QP062024",
    params: { kind: "quartiers", key: "QP062024" },
    unknown: [{ kind: "quartiers", key: "QP999999" }, { kind: "quartiers", key: "qp062024" }, { kind: "quartiers", key: "QP 062024" }],
    form: { name: "Cité 12-14 (Lens)", summary: "Un quartier du nord de Lens." },
    read: async () => (await db.select().from(quartiers).where(eq(quartiers.code, "QP062024")))[0]!,
  },
  {
    kind: "governance_body",
    route: editRoute as RouteModule,
    path: "/admin/referentiel/instances/gtp",
    params: { kind: "instances", key: "gtp" },
    unknown: [{ kind: "instances", key: "comite_technique" }, { kind: "instances", key: "GTP" }],
    form: { name: "Groupe technique partenarial", cadence: "4 fois par an", members: "Techniciens des partenaires", role: "Prépare le COPIL." },
    read: async () => (await db.select().from(governanceBodies).where(eq(governanceBodies.key, "gtp")))[0]!,
  },
] as const;

async function cookieFor(role: Role | null) {
  const user = await insertUser(db, { displayName: `Compte ${role ?? "habitant"}`, roles: role ? [{ role }] : [] });
  return { user, cookie: await sessionCookieFor(user.id) };
}

const auditCount = async () => (await db.select().from(auditLog)).length;

describe.each(kinds)("editing a $kind", ({ kind, route, path, params, unknown, form, read }) => {
  test("anonymous visitors are sent to sign in, residents and coordinators are refused", async () => {
    const anonymous = await settle(route.loader(loaderArgs(getRequest(path), params)));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe(`/connexion?redirectTo=${encodeURIComponent(path)}`);
    expect((await settle(route.action(actionArgs(postRequest(path, form), params)))).status).toBe(302);
    for (const role of [null, "coordinator", "moderator", "ambassador"] as const) {
      const { cookie } = await cookieFor(role);
      expect((await settle(route.loader(loaderArgs(getRequest(path, { cookie }), params)))).status, String(role)).toBe(403);
      expect((await settle(route.action(actionArgs(postRequest(path, form, { cookie }), params)))).status, String(role)).toBe(403);
    }
    expect(await auditCount()).toBe(0);
  });

  test("an administrator sees the form filled with the current values", async () => {
    const { cookie } = await cookieFor("administrator");
    const response = await settle(route.loader(loaderArgs(getRequest(path, { cookie }), params)));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.title).toMatch(/^Modifier/);
    const row = (await read()) as Record<string, unknown>;
    for (const field of Object.keys(form)) expect(data.defaults[field]).toBe(String(row[field]));
  });

  test("a save changes the row and writes one audit entry naming the administrator, then says so", async () => {
    const { user, cookie } = await cookieFor("administrator");
    const before = (await read()) as Record<string, unknown>;
    const response = await settle(route.action(actionArgs(postRequest(path, form, { cookie }), params)));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/referentiel");
    expect(response.headers.get("Set-Cookie")).toContain("labo_flash=");
    const after = (await read()) as Record<string, unknown>;
    const entries = await db.select().from(auditLog);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: user.id, action: "referential.update", subjectType: kind });
    for (const [field, change] of Object.entries(entries[0]!.changes!)) {
      expect(change.before).toEqual(before[field]);
      expect(change.after).toEqual(after[field]);
    }
    expect((after.updatedAt as Date).getTime()).toBeGreaterThan((before.updatedAt as Date).getTime());
  });

  test("saving again without changes writes nothing", async () => {
    const { cookie } = await cookieFor("administrator");
    await settle(route.action(actionArgs(postRequest(path, form, { cookie }), params)));
    const saved = await read();
    const response = await settle(route.action(actionArgs(postRequest(path, form, { cookie }), params)));
    expect(response.status).toBe(302);
    expect(await read()).toEqual(saved);
    expect(await auditCount()).toBe(1);
  });

  test("unknown or malformed ids are 404, for the page and for the save", async () => {
    const { cookie } = await cookieFor("administrator");
    for (const bad of unknown) {
      expect((await settle(route.loader(loaderArgs(getRequest(path, { cookie }), bad)))).status, JSON.stringify(bad)).toBe(404);
      expect((await settle(route.action(actionArgs(postRequest(path, form, { cookie }), bad)))).status, JSON.stringify(bad)).toBe(404);
    }
    expect(await auditCount()).toBe(0);
  });

  test("10 000 characters in every field: 400, a message per field, what was typed kept, nothing written", async () => {
    const { cookie } = await cookieFor("administrator");
    const before = await read();
    const huge = Object.fromEntries(Object.keys(form).map((field) => [field, "x".repeat(10_000)]));
    const response = await settle(route.action(actionArgs(postRequest(path, huge, { cookie }), params)));
    expect(response.status).toBe(400);
    const body = await response.json();
    for (const field of Object.keys(form)) {
      expect(body.errors[field], field).toMatch(/^(validation\.tooLong|admin:referential\.validation\.threshold)$/);
      expect(body.values[field]).toBe("x".repeat(10_000));
    }
    expect(await read()).toEqual(before);
    expect(await auditCount()).toBe(0);
  });
});

describe("ambition form details", () => {
  const path = "/admin/referentiel/ambitions/3";
  const params = { kind: "ambitions", key: "3" };

  test("an empty title and an out-of-range threshold: 400 with both messages, values kept, nothing written", async () => {
    const { cookie } = await cookieFor("administrator");
    const before = (await db.select().from(ambitions).where(eq(ambitions.number, 3)))[0];
    const form = { title: "  ", summary: "Gardé", description: "", supportThreshold: "10001" };
    const response = await settle(editRoute.action(actionArgs(postRequest(path, form, { cookie }), params)));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: { title: "validation.required", supportThreshold: "admin:referential.validation.threshold" },
      values: form,
    });
    expect((await db.select().from(ambitions).where(eq(ambitions.number, 3)))[0]).toEqual(before);
    expect(await auditCount()).toBe(0);
  });

  test("a post with missing fields or a body that is not a form is a 400, never a 500", async () => {
    const { cookie } = await cookieFor("administrator");
    expect((await settle(editRoute.action(actionArgs(postRequest(path, { title: "Seul" }, { cookie }), params)))).status).toBe(400);
    const json = new Request(`http://localhost:3000${path}`, { method: "POST", headers: { Cookie: cookie, "Content-Type": "application/json" }, body: "{}" });
    const response = await settle(editRoute.action(actionArgs(json, params)));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ form: "validation.invalidForm" });
  });

  test("HTML typed in a field is stored as text", async () => {
    const { cookie } = await cookieFor("administrator");
    const title = '<script>alert("x")</script><b>Aller vers</b>';
    await settle(editRoute.action(actionArgs(postRequest(path, { title, summary: "", description: "", supportThreshold: "25" }, { cookie }), params)));
    expect((await db.select().from(ambitions).where(eq(ambitions.number, 3)))[0]?.title).toBe(title);
  });
});

describe("the referential overview", () => {
  test("lists every kind of item for administrators only", async () => {
    const anonymous = await settle(overview.loader(loaderArgs(getRequest("/admin/referentiel"))));
    expect(anonymous.status).toBe(302);
    for (const role of [null, "coordinator"] as const) {
      const { cookie } = await cookieFor(role);
      expect((await settle(overview.loader(loaderArgs(getRequest("/admin/referentiel", { cookie }))))).status).toBe(403);
    }
    const { cookie } = await cookieFor("administrator");
    const response = await settle(overview.loader(loaderArgs(getRequest("/admin/referentiel", { cookie }))));
    expect(response.status).toBe(200);
    const data = await response.json();
    expect([data.piliers.length, data.ambitions.length, data.axes.length, data.quartiers.length, data.bodies.length]).toEqual([3, 12, 2, 21, 6]);
  });
});
