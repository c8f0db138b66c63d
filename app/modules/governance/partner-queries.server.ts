/** The partners and services that instruct proposals for the GTP (a short list kept by coordinators). */
import { asc, desc, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { instructingPartners } from "#db/schema/index.ts";

/** Every partner, active ones first, by name (the partners page). */
export function listPartners() {
  return db
    .select({ id: instructingPartners.id, name: instructingPartners.name, description: instructingPartners.description, active: instructingPartners.active })
    .from(instructingPartners)
    .orderBy(desc(instructingPartners.active), asc(instructingPartners.name));
}

/** The partners a coordinator may assign now. */
export function listActivePartners() {
  return db
    .select({ id: instructingPartners.id, name: instructingPartners.name, description: instructingPartners.description })
    .from(instructingPartners)
    .where(eq(instructingPartners.active, true))
    .orderBy(asc(instructingPartners.name));
}
