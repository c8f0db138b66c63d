import { sql } from "drizzle-orm";
import { dbHandle } from "#app/db.server.ts";
import type { DbHandle } from "#db/client.ts";

/** A load balancer asks often and wants a quick answer: a database slower than this counts as unavailable. */
export const HEALTH_TIMEOUT_MS = 1_000;

/**
 * Whether the database answers `select 1` within the time limit. A pool taken up by statements waiting on a
 * lock answers late: unavailable too, although the query itself would succeed eventually.
 */
export async function checkHealth(handle: DbHandle = dbHandle, timeoutMs = HEALTH_TIMEOUT_MS): Promise<{ ok: boolean; engine: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = handle.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return { ok: await Promise.race([answered, late]), engine: handle.engine };
  } finally {
    clearTimeout(timer);
  }
}
