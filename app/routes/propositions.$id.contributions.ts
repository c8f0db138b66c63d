/**
 * Posting a contribution or a reply on a proposal (POST: body, stance, parentId; plus tri and page, the
 * view to come back to). Answers a fetcher with JSON, a plain form post with a redirect to the proposal
 * page (see app/modules/contributions/contribution-params.ts for the no-JavaScript error contract).
 * GET (after signing in, for instance) goes to the proposal's contributions.
 */
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { submittedWithJs } from "#app/components/js-marker.tsx";
import { getViewer, requireUser } from "#app/modules/auth/auth.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { addContribution } from "#app/modules/contributions/add-contribution.server.ts";
import { errorKeysOf, failure, forbidden, notFound, success } from "#app/modules/contributions/contribution-answers.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import { contributionAnchor, contributionsUrl, parseContributionsView, viewSearch, type AddContributionAnswer } from "#app/modules/contributions/contribution-params.ts";
import { locateContribution, proposalAcceptsThread } from "#app/modules/contributions/contribution-queries.server.ts";
import { NewContributionSchema } from "#app/modules/contributions/contribution.schema.ts";
import { checkNewText } from "#app/modules/abuse/content-guards.server.ts";
import { caughtByHoneypot } from "#app/modules/forms/honeypot.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { clientAddress, consume } from "#app/modules/security/rate-limit.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getViewer(request); // public: the page decides what each visitor sees
  const proposalId = params.id;
  if (!isUuid(proposalId) || !(await proposalAcceptsThread(proposalId))) throw notFound();
  return redirect(contributionsUrl(proposalId, parseContributionsView(new URL(request.url).searchParams)));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const proposalId = params.id;
  if (!isUuid(proposalId)) throw notFound();
  const form = await request.formData().catch(() => null);
  const view = parseContributionsView(form ?? new URLSearchParams());
  const parentId = form?.get("parentId");
  const answer = {
    js: form ? submittedWithJs(form) : false,
    proposalId,
    view,
    form: isUuid(parentId) ? (`reply-${parentId}` as const) : ("new" as const),
    values: {} as Record<string, string>,
  };
  if (!form) return failure(answer, ["invalidForm"], 400);

  const parsed = validateFormData(form, NewContributionSchema);
  answer.values = parsed.values;
  // Refused with its reason (suspended, charter to accept, address to confirm), what was typed kept.
  const block = writeBlock(viewer);
  if (block) return failure(answer, [block.reason], 403);
  if (!parsed.ok) return failure(answer, errorKeysOf(parsed.errors), 400);

  const limit = await consume("contribution", { account: viewer.id, address: clientAddress(context) });
  if (!limit.ok) return failure(answer, ["rateLimited"], 429, { "Retry-After": String(limit.retryAfterSeconds) });

  const { website: _honeypot, ...input } = parsed.data;
  // A filled honeypot is a bot: back to the proposal as if all went well, and nothing is posted.
  if (caughtByHoneypot(parsed.data)) return answer.js ? json({ status: "ok" }) : redirect(proposalPath(proposalId));
  const check = await checkNewText({ authorId: viewer.id, text: input.body });
  if (check.status === "repeated") return failure(answer, ["repeated"], 409);
  if (check.status === "too_many_links") return failure(answer, ["tooManyLinks"], 422);

  const result = await addContribution({ viewer, proposalId, input });
  switch (result.status) {
    case "ok": {
      const { id } = result.contribution;
      // A new top-level contribution lands on the last page of the default view: go where it is.
      const place = await locateContribution(id);
      const location = `${proposalPath(proposalId)}${viewSearch({ page: place?.page ?? 1 })}#${contributionAnchor(id)}`;
      return success<AddContributionAnswer>(answer, { status: "ok", id, location }, location, result.contribution.parentId ? "contributions:flash.replied" : "contributions:flash.added");
    }
    case "duplicate":
      return failure(answer, ["duplicate"], 409);
    case "closed":
      return failure(answer, ["closed"], 409);
    case "parent_unavailable":
      return failure(answer, ["parentUnavailable"], 400);
    case "not_found":
      throw notFound();
    case "forbidden": // requirePermission has already refused it; kept for the type's sake
      throw forbidden();
  }
}

/**
 * Without JavaScript, a post over the rate limit (or about a proposal that does not exist) is the proposal
 * route's error page, in the layout, with its status and Retry-After: having a component is what makes
 * Remix render that page rather than send this route's bare response. Nothing of it is ever seen: every
 * other answer redirects.
 */
export default function NoPage() {
  return null;
}
