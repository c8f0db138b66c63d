/** The public members of the governance bodies (name and institution), in the order coordinators set. */
import { asc, eq } from "drizzle-orm";
import { db } from "#app/db.server.ts";
import { governanceMembers } from "#db/schema/index.ts";

export type PublicMember = { id: string; name: string; institution: string };

const columns = { id: governanceMembers.id, name: governanceMembers.name, institution: governanceMembers.institution };
const order = [asc(governanceMembers.position), asc(governanceMembers.createdAt), asc(governanceMembers.id)];

export function listMembers(bodyKey: string): Promise<PublicMember[]> {
  return db
    .select(columns)
    .from(governanceMembers)
    .where(eq(governanceMembers.bodyKey, bodyKey))
    .orderBy(...order);
}

/** Every body's members in one query, grouped by body. */
export async function listMembersByBody(): Promise<Map<string, PublicMember[]>> {
  const rows = await db
    .select({ ...columns, bodyKey: governanceMembers.bodyKey })
    .from(governanceMembers)
    .orderBy(asc(governanceMembers.bodyKey), ...order);
  const byBody = new Map<string, PublicMember[]>();
  for (const { bodyKey, ...member } of rows) byBody.set(bodyKey, [...(byBody.get(bodyKey) ?? []), member]);
  return byBody;
}
