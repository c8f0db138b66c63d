import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { auditLog } from "#db/schema/index.ts";
import { person } from "#tests/factories/gtp.ts";
import { listActivePartners, listPartners } from "./partner-queries.server.ts";
import { addPartner, setPartnerActive } from "./partner-writes.server.ts";

describe("the list of instructing partners", () => {
  test("a coordinator adds a partner (audited); the same name, whatever its case, is a duplicate", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const added = await addPartner({ actor: coordinator.viewer, input: { name: "Ville de Lens", description: "Services techniques." } });
    expect(added.status).toBe("ok");
    expect(await addPartner({ actor: coordinator.viewer, input: { name: "ville de lens", description: "" } })).toEqual({ status: "duplicate" });
    expect(await listPartners()).toMatchObject([{ name: "Ville de Lens", description: "Services techniques.", active: true }]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "governance.add_partner"));
    expect(audits).toMatchObject([{ actorId: coordinator.id, subjectType: "instructing_partner", changes: { name: { before: null, after: "Ville de Lens" } } }]);
  });

  test("deactivating hides it from the choices (not from the list); reactivating brings it back; each change audited once", async () => {
    const coordinator = await person("Coordinatrice", "coordinator");
    const added = await addPartner({ actor: coordinator.viewer, input: { name: "CAF du Pas-de-Calais", description: "" } });
    if (added.status !== "ok") throw new Error(added.status);
    expect(await setPartnerActive({ actor: coordinator.viewer, partnerId: added.partnerId, active: false })).toEqual({ status: "ok" });
    expect(await setPartnerActive({ actor: coordinator.viewer, partnerId: added.partnerId, active: false })).toEqual({ status: "unchanged" });
    expect(await listActivePartners()).toEqual([]);
    expect(await listPartners()).toMatchObject([{ active: false }]);
    expect(await setPartnerActive({ actor: coordinator.viewer, partnerId: added.partnerId, active: true })).toEqual({ status: "ok" });
    expect(await listActivePartners()).toMatchObject([{ name: "CAF du Pas-de-Calais" }]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "governance.update_partner"), eq(auditLog.subjectId, added.partnerId)));
    expect(audits.map((a) => a.changes)).toEqual(expect.arrayContaining([{ active: { before: true, after: false } }, { active: { before: false, after: true } }]));
    expect(audits).toHaveLength(2);
  });

  test("only coordinators and administrators keep the list; an unknown partner is not found", async () => {
    const resident = await person("Habitant");
    const coordinator = await person("Coordinatrice", "coordinator");
    expect(await addPartner({ actor: resident.viewer, input: { name: "Ville", description: "" } })).toEqual({ status: "forbidden" });
    expect(await setPartnerActive({ actor: coordinator.viewer, partnerId: "00000000-0000-4000-8000-000000000000", active: false })).toEqual({ status: "not_found" });
  });
});
