import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { safeRedirectPath } from "#app/modules/auth/auth.server.ts";
import { isLocale } from "#app/modules/i18n/i18n.ts";
import { localeCookie } from "#app/modules/i18n/i18next.server.ts";

// Anyone may choose a language; the choice is a form post so it works without JavaScript.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const locale = form?.get("locale");
  const redirectTo = safeRedirectPath(form?.get("redirectTo"));
  if (!isLocale(locale)) return redirect(redirectTo);
  return redirect(redirectTo, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect("/");
}
