import { sql } from "drizzle-orm";
import { dbHandle } from "#app/db.server.ts";
import type { DbHandle } from "#db/client.ts";

export async function checkHealth(handle: DbHandle = dbHandle): Promise<{ ok: boolean; engine: string }> {
  try {
    await handle.db.execute(sql`select 1`);
    return { ok: true, engine: handle.engine };
  } catch {
    return { ok: false, engine: handle.engine };
  }
}
