/**
 * Coordinators keep the list of partners and services that instruct proposals: add one, deactivate it
 * (it stays on the proposals it instructed, but is no longer offered), reactivate it. Audited.
 */
import { eq, sql } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { recordAudit } from "#app/modules/audit/record-audit.server.ts";
import { instructingPartners } from "#db/schema/index.ts";
import type { PartnerInput } from "./gtp.schema.ts";
import { mayInstruct, type Coordinator, type Forbidden } from "./gtp-shared.server.ts";

export type AddPartnerResult = { status: "ok"; partnerId: string } | Forbidden | { status: "duplicate" };

export async function addPartner({ actor, input }: { actor: Coordinator; input: PartnerInput }): Promise<AddPartnerResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<AddPartnerResult> => {
    // « Ville de Lens » and « ville de lens » are one partner; the unique key decides the exact race.
    const [same] = await tx.select({ id: instructingPartners.id }).from(instructingPartners).where(sql`lower(${instructingPartners.name}) = lower(${input.name})`).limit(1);
    if (same) return { status: "duplicate" };
    const [row] = await tx.insert(instructingPartners).values({ name: input.name, description: input.description }).onConflictDoNothing().returning({ id: instructingPartners.id });
    if (!row) return { status: "duplicate" };
    await recordAudit(tx, { actorId: actor.id, action: "governance.add_partner", subjectType: "instructing_partner", subjectId: row.id, changes: { name: { before: null, after: input.name } } });
    return { status: "ok", partnerId: row.id };
  });
}

export type UpdatePartnerResult = { status: "ok" } | { status: "unchanged" } | Forbidden | { status: "not_found" };

export async function setPartnerActive({ actor, partnerId, active }: { actor: Coordinator; partnerId: string; active: boolean }): Promise<UpdatePartnerResult> {
  if (!mayInstruct(actor)) return { status: "forbidden" };
  return db.transaction(async (tx): Promise<UpdatePartnerResult> => {
    const [partner] = await tx.select().from(instructingPartners).where(eq(instructingPartners.id, partnerId)).for("update");
    if (!partner) return { status: "not_found" };
    if (partner.active === active) return { status: "unchanged" };
    await tx.update(instructingPartners).set({ active }).where(eq(instructingPartners.id, partnerId));
    await recordAudit(tx, { actorId: actor.id, action: "governance.update_partner", subjectType: "instructing_partner", subjectId: partnerId, changes: { active: { before: partner.active, after: active } } });
    return { status: "ok" };
  });
}
