import { json } from "@remix-run/node";
import { RETRY_AFTER_SECONDS } from "#app/modules/platform/database-errors.server.ts";
import { checkHealth } from "#app/modules/platform/health.server.ts";

// Public by design: tells a load balancer whether this instance can reach its database.
export async function loader() {
  const health = await checkHealth();
  if (health.ok) return json({ ok: true, status: "ok", database: health.engine }, { headers: { "Cache-Control": "no-store" } });
  return json(
    { ok: false, status: "unavailable", database: "unavailable", engine: health.engine },
    { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
  );
}
