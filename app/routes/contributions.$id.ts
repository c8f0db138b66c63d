/**
 * One contribution. POST intent=edit (body, stance) | delete | useful | unuseful, plus tri and page (the
 * view to come back to). Answers a fetcher with JSON, a plain form post with a redirect to the proposal
 * page. GET is the contribution's permanent link: it leads to its place on the proposal page.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { submittedWithJs } from "#app/components/js-marker.tsx";
import { RouteErrorBoundary } from "#app/components/route-error-boundary.tsx";
import { getViewer, requireUser } from "#app/modules/auth/auth.server.ts";
import { checkLinks } from "#app/modules/abuse/content-guards.server.ts";
import { writeBlock } from "#app/modules/auth/permissions.ts";
import { backTo, errorKeysOf, failure, forbidden, notFound, success } from "#app/modules/contributions/contribution-answers.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import { isUuid } from "#app/modules/platform/ids.ts";
import { contributionAnchor, parseContributionsView, viewSearch, type ContributionActionAnswer } from "#app/modules/contributions/contribution-params.ts";
import { findContribution, locateContribution } from "#app/modules/contributions/contribution-queries.server.ts";
import { ContributionIntentSchema, EditContributionSchema } from "#app/modules/contributions/contribution.schema.ts";
import { deleteContribution } from "#app/modules/contributions/delete-contribution.server.ts";
import { editContribution } from "#app/modules/contributions/edit-contribution.server.ts";
import { setContributionUseful } from "#app/modules/contributions/mark-contribution-useful.server.ts";
import { validateFormData } from "#app/modules/forms/parse-form.server.ts";
import { clientAddress, consume } from "#app/modules/security/rate-limit.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await getViewer(request); // public: a permanent link anyone may follow
  const id = params.id;
  const place = isUuid(id) ? await locateContribution(id) : null;
  if (!id || !place) throw notFound();
  return redirect(`${proposalPath(place.proposalId)}${viewSearch({ page: place.page })}#${contributionAnchor(id)}`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const id = params.id;
  const contribution = isUuid(id) ? await findContribution(id) : null;
  if (!id || !contribution) throw notFound();
  const form = await request.formData().catch(() => null);
  const intent = ContributionIntentSchema.safeParse(form?.get("intent"));
  const js = form ? submittedWithJs(form) : false;
  const view = parseContributionsView(form ?? new URLSearchParams());
  const { proposalId } = contribution;
  const here = backTo(proposalId, view, id);
  if (!form || !intent.success) return failure({ js: true, proposalId, view, form: `item-${id}`, values: {} }, ["invalidForm"], 400);

  switch (intent.data) {
    case "edit": {
      if (contribution.authorId !== viewer.id) throw forbidden();
      const parsed = validateFormData(form, EditContributionSchema);
      const answer = { js, proposalId, view, form: `edit-${id}` as const, values: parsed.values };
      const block = writeBlock(viewer);
      if (block) return failure(answer, [block.reason], 403);
      if (!parsed.ok) return failure(answer, errorKeysOf(parsed.errors), 400);
      // An edit could add the links a new account may not post.
      if ((await checkLinks({ authorId: viewer.id, text: parsed.data.body })).status === "too_many_links") return failure(answer, ["tooManyLinks"], 422);
      const result = await editContribution({ viewerId: viewer.id, contributionId: id, input: parsed.data });
      switch (result.status) {
        case "ok":
          return success<ContributionActionAnswer>(answer, { status: "ok", intent: "edit", id }, here, "contributions:flash.edited");
        case "too_late":
          return failure(answer, ["tooLate"], 409);
        case "closed":
          return failure(answer, ["closed"], 409);
        case "forbidden":
          throw forbidden();
        case "not_found":
          throw notFound();
      }
      break;
    }
    case "delete": {
      if (contribution.authorId !== viewer.id) throw forbidden();
      const result = await deleteContribution({ viewerId: viewer.id, contributionId: id });
      switch (result.status) {
        case "ok":
        case "already_deleted":
          return success<ContributionActionAnswer>({ js }, { status: "ok", intent: "delete", id }, here, "contributions:flash.deleted");
        case "forbidden":
          throw forbidden();
        case "not_found":
          throw notFound();
      }
      break;
    }
    case "useful":
    case "unuseful": {
      if (contribution.authorId === viewer.id) throw forbidden();
      const answer = { js, proposalId, view, form: `item-${id}` as const, values: {} };
      const block = writeBlock(viewer);
      if (block) return failure(answer, [block.reason], 403);
      const limit = await consume("useful", { account: viewer.id, address: clientAddress(context) });
      if (!limit.ok) return failure(answer, ["rateLimited"], 429, { "Retry-After": String(limit.retryAfterSeconds) });
      const marked = intent.data === "useful";
      const result = await setContributionUseful({ viewer, contributionId: id, marked });
      switch (result.status) {
        case "ok":
          return success<ContributionActionAnswer>(
            answer,
            { status: "ok", intent: intent.data, id, usefulCount: result.usefulCount, marked: result.marked },
            here,
            marked ? "contributions:flash.markedUseful" : "contributions:flash.unmarkedUseful",
          );
        case "closed":
          return failure(answer, ["closed"], 409);
        case "not_found":
          // Deleted or hidden in the meantime.
          return failure(answer, ["unavailable"], 409);
        case "own":
        case "forbidden":
          throw forbidden();
      }
    }
  }
}

/**
 * Without JavaScript, a post over the rate limit (or refused, or about a contribution that does not exist)
 * is an error page in the layout, with its status and Retry-After: having a component is what makes Remix
 * render that page rather than send this route's bare response. Nothing of it is ever seen: every other
 * answer redirects. The boundary is this route's own, so the layout's loader runs (the page's language).
 */
export default function NoPage() {
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;
