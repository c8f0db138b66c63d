import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { updateAmbition, updateQuartier } from "#app/modules/referential/update-referential.server.ts";
import type { Role } from "#db/schema/index.ts";
import { insertUser } from "#tests/factories/users.ts";
import { getRequest, loaderArgs, sessionCookieFor, settle } from "#tests/helpers/request.ts";
import * as journal from "./admin.journal.tsx";

async function cookieFor(role: Role | null) {
  const user = await insertUser(db, { roles: role ? [{ role }] : [] });
  return sessionCookieFor(user.id);
}

async function load(path: string, cookie?: string) {
  return settle(journal.loader(loaderArgs(getRequest(path, { cookie }))));
}

describe("/admin/journal", () => {
  test("coordinators and administrators read it; others are refused, visitors sent to sign in", async () => {
    expect((await load("/admin/journal")).status).toBe(302);
    for (const role of [null, "moderator", "ambassador"] as const) expect((await load("/admin/journal", await cookieFor(role))).status, String(role)).toBe(403);
    expect((await load("/admin/journal", await cookieFor("coordinator"))).status).toBe(200);
    expect((await load("/admin/journal", await cookieFor("administrator"))).status).toBe(200);
  });

  test("newest first: who, when, what, each field before and after", async () => {
    const admin = await insertUser(db, { displayName: "Camille Admin", roles: [{ role: "administrator" }] });
    await updateAmbition(admin, 3, { title: "Aller vers", summary: "Aider chacun à connaître et à obtenir les aides et les droits auxquels il a droit.", description: "", supportThreshold: 30 });
    await updateQuartier(admin, "QP062024", { name: "Cité 12-14", summary: "Nouveau résumé" });
    const data = await (await load("/admin/journal", await cookieFor("coordinator"))).json();
    expect(data.entries).toHaveLength(2);
    expect(data.entries[0]).toMatchObject({
      action: "referential.update",
      subjectType: "quartier",
      subjectId: "QP062024",
      actorName: "Camille Admin",
      changes: [{ field: "summary", before: null, after: "Nouveau résumé" }],
    });
    expect(data.entries[1].changes).toEqual([
      { field: "title", before: "Lutter contre le non-recours, mieux repérer et aller-vers", after: "Aller vers" },
      { field: "supportThreshold", before: "25", after: "30" },
    ]);
    expect(data.subjectTypes).toEqual(["ambition", "quartier"]);
  });

  test("filters by subject type and pages with a cursor", async () => {
    for (let i = 0; i < 30; i++) await recordAudit(db, { actorId: null, action: "role.grant", subjectType: "user", subjectId: `u${i}`, reason: "Test" });
    await recordAudit(db, { actorId: null, action: "referential.update", subjectType: "ambition", subjectId: "1" });
    const cookie = await cookieFor("administrator");
    const filtered = await (await load("/admin/journal?type=ambition", cookie)).json();
    expect(filtered.entries.map((e: { subjectId: string }) => e.subjectId)).toEqual(["1"]);
    const first = await (await load("/admin/journal?type=user", cookie)).json();
    expect(first.entries).toHaveLength(25);
    expect(first.isFirstPage).toBe(true);
    const second = await (await load(`/admin/journal?type=user&avant=${first.nextCursor}`, cookie)).json();
    expect(second.entries).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(second.isFirstPage).toBe(false);
    const ids = [...first.entries, ...second.entries].map((e: { subjectId: string }) => e.subjectId);
    expect(new Set(ids).size).toBe(30);
  });

  test("a malformed filter or cursor is a 400, not a 500", async () => {
    const cookie = await cookieFor("administrator");
    for (const query of ["type=<script>", "type=" + "a".repeat(100), "avant=abc", "avant=99999999999999999999_x", "avant=1_00000000-0000-0000-0000-00000000000g"]) {
      expect((await load(`/admin/journal?${query}`, cookie)).status, query).toBe(400);
    }
    expect((await load("/admin/journal?type=", cookie)).status).toBe(200);
  });
});
