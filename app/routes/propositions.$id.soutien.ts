import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { submittedWithJs } from "#app/components/js-marker.tsx";
import { getViewer } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { writeBlockMessage } from "#app/modules/auth/write-access.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { clientAddress, consume } from "#app/modules/security/rate-limit.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { badForm, refuse, signInToParticipate } from "#app/modules/supports/participation-response.server.ts";
import { parseProposalId } from "#app/modules/proposals/proposal.schema.ts";
import { SupportIntentSchema } from "#app/modules/supports/support.schema.ts";
import { supportProposal } from "#app/modules/supports/support-proposal.server.ts";
import { withdrawSupport } from "#app/modules/supports/withdraw-support.server.ts";

// Supporting is a form post (intent=support|withdraw) from the proposal page; a GET goes to that page.
export async function loader({ params }: LoaderFunctionArgs) {
  const proposalId = parseProposalId(params.id);
  if (!proposalId) throw new Response(null, { status: 404 });
  return redirect(proposalPath(proposalId));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const proposalId = parseProposalId(params.id);
  if (!proposalId) throw new Response(null, { status: 404 });
  const viewer = await getViewer(request);
  if (!viewer) return signInToParticipate(proposalId);

  const form = await request.formData().catch(() => null);
  const parsed = form ? validateFormData(form, SupportIntentSchema) : null;
  if (!form || !parsed?.ok) return badForm();
  const withJs = submittedWithJs(form);
  const block = writeBlock(viewer);
  if (block) return refuse({ withJs, proposalId, status: 403, message: writeBlockMessage(block, "supports:errors.verifyEmail") });

  const limit = await consume("support", { account: viewer.id, address: clientAddress(context) });
  if (!limit.ok) return refuse({ withJs, proposalId, status: 429, message: "supports:errors.tooMany", headers: { "Retry-After": String(limit.retryAfterSeconds) } });

  const result = parsed.data.intent === "support" ? await supportProposal({ viewer, proposalId }) : await withdrawSupport({ viewer, proposalId });
  switch (result.status) {
    case "ok": {
      if (withJs) return json({ supported: result.supported, supportCount: result.supportCount, qualified: result.qualified, justQualified: result.supported && result.justQualified });
      const message = !result.supported ? "supports:flash.withdrawn" : result.justQualified ? "supports:flash.qualified" : "supports:flash.supported";
      return redirectWithFlash(proposalPath(proposalId), message);
    }
    case "forbidden":
      return refuse({ withJs, proposalId, status: 403, message: "supports:errors.verifyEmail" });
    case "not_found":
      return refuse({ withJs, proposalId, status: 404, message: "supports:errors.notFound" });
    case "closed":
      return refuse({ withJs, proposalId, status: 409, message: "supports:errors.closed" });
    case "own_proposal":
      return refuse({ withJs, proposalId, status: 409, message: "supports:errors.ownProposal" });
  }
}

/**
 * Without JavaScript, a refusal that cannot be a message on the proposal page (404, 429) is thrown, and
 * the proposal route's error page shows it in the layout, with its status and Retry-After. Having a
 * component is what makes Remix render that page rather than send a resource route's bare response;
 * the proposal page has no outlet, so nothing of it is ever seen.
 */
export default function NoPage() {
  return null;
}
