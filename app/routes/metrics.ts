import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "#app/env.server.ts";
import { metricsAccessAllowed, renderMetrics } from "#app/modules/observability/metrics.server.ts";

// For the operators' Prometheus only: without METRICS_TOKEN, or without the right bearer token, the page does not exist.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!metricsAccessAllowed(request.headers.get("Authorization"), env.METRICS_TOKEN)) throw new Response(null, { status: 404 });
  const { contentType, body } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
