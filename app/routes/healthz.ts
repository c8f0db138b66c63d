import { json } from "@remix-run/node";
import { checkHealth } from "#app/modules/platform/health.server.ts";

// Public by design: tells a load balancer whether this instance can reach its database.
export async function loader() {
  const health = await checkHealth();
  return json({ status: health.ok ? "ok" : "unavailable", database: health.engine }, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
