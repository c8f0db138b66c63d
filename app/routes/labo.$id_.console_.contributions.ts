import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseForm } from "#app/modules/forms/parse-form.server.ts";
import { captureContribution } from "#app/modules/labo-console/capture-contribution.server.ts";
import { CaptureSchema } from "#app/modules/labo-console/console.schema.ts";
import { parseLaboSessionId } from "#app/modules/labo/labo-session.schema.ts";
import { requireSessionRunner } from "#app/modules/labo/session-access.server.ts";

/**
 * Where the console's script sends a capture (JSON in, JSON out; the plain form posts to the console
 * itself). Sending the same client id again answers with the capture already stored.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, session } = await requireSessionRunner(request, params.id);
  const parsed = await parseForm(request, CaptureSchema);
  if (!parsed.ok) return json({ status: "invalid" as const, errors: parsed.errors }, { status: 400 });
  const result = await captureContribution({ session, actor: viewer, input: parsed.data });
  if (result.status === "invalid") return json({ status: "invalid" as const, errors: result.errors }, { status: 400 });
  if (result.status === "cancelled") return json({ status: "cancelled" as const, errors: { form: "laboConsole:validation.cancelled" } }, { status: 409 });
  return json({ status: "ok" as const, captureId: result.captureId, created: result.created }, { status: result.created ? 201 : 200 });
}

/** Nothing to read here: the console is the page. */
export async function loader({ params }: LoaderFunctionArgs) {
  const id = parseLaboSessionId(params.id);
  if (!id) throw new Response(null, { status: 404 });
  return redirect(`/labo/${id}/console`);
}
