import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "#app/modules/i18n/i18n.ts";
import { resources } from "#app/modules/i18n/resources.server.ts";

// Public: the interface translations the browser needs to hydrate. Cached for a year when versioned.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  const namespace = isLocale(lng) && ns ? resources[lng]?.[ns] : undefined;
  if (!namespace) throw json({ reason: "notFound" }, { status: 404 });
  const versioned = new URL(request.url).searchParams.has("v");
  return json(namespace, { headers: { "Cache-Control": versioned ? "public, max-age=31536000, immutable" : "public, max-age=300" } });
}
