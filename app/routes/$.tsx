import { pageMeta } from "#app/components/meta.ts";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";

// Any unknown address: a translated 404 inside the site layout.
export function loader() {
  throw new Response(null, { status: 404 });
}

export const meta = pageMeta;
export const handle = { hydrate: false };
export default function NotFound() {
  return null;
}
export const ErrorBoundary = RouteErrorBoundary;
