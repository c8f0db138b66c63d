/**
 * How the two contribution resource routes answer. One action serves a fetcher (the form carried
 * `_js=1`: answer JSON, the page stays) and a plain form post (redirect back to the proposal page: with
 * a flash on success, with the error contract of contribution-params.ts on failure, except over the rate
 * limit: the 429 error page).
 */
import { json, redirect } from "@remix-run/node";
import { redirectWithFlash } from "#app/modules/platform/flash.server.ts";
import { proposalPath } from "#app/modules/proposals/proposal-path.ts";
import {
  contributionAnchor,
  errorKeyOf,
  errorRedirectUrl,
  fieldErrors,
  viewSearch,
  type ContributionErrorKey,
  type ContributionFailure,
  type ContributionFormId,
  type ContributionsView,
} from "./contribution-params.ts";

type Context = { js: boolean; proposalId: string; view: ContributionsView; form: ContributionFormId; values: Record<string, string> };

/** Only what the person typed goes back: never the hidden fields. */
export function typedValues(values: Record<string, string>) {
  const kept: Record<string, string> = {};
  for (const key of ["body", "stance", "parentId"]) if (values[key] !== undefined) kept[key] = values[key];
  return kept;
}

/** zod's errors by field (translation keys) to the contract's keys, body first: a redirect carries only one. */
export function errorKeysOf(errors: Record<string, string>): ContributionErrorKey[] {
  const order = ["body", "stance", "parentId", "form"];
  return Object.entries(errors)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([, message]) => errorKeyOf(message));
}

export function failure(context: Context, keys: ContributionErrorKey[], status: number, headers: HeadersInit = {}) {
  const values = typedValues(context.values);
  if (context.js) return json<ContributionFailure>({ status: "error", errors: fieldErrors(keys), values }, { status, headers });
  // Over the rate limit, a redirect would answer 302: the error page says so with its 429 and Retry-After
  // (the proposal page's, or the site's, as for supports; the routes have a component for that).
  if (status === 429) throw new Response(null, { status, headers });
  return redirect(
    errorRedirectUrl({ proposalId: context.proposalId, view: context.view, form: context.form, error: keys[0] ?? "invalidForm", body: values.body, stance: values.stance }),
    { headers },
  );
}

/** Success: the data for a fetcher, or back to the contribution on the page with a confirmation. */
export function success<T>(context: { js: boolean }, data: T, location: string, flashKey: string) {
  return context.js ? json(data) : redirectWithFlash(location, flashKey);
}

/** The person's view of the proposal page (the form sends back tri and page), at a contribution. */
export function backTo(proposalId: string, view: ContributionsView, contributionId: string) {
  return `${proposalPath(proposalId)}${viewSearch(view)}#${contributionAnchor(contributionId)}`;
}

export const notFound = () => new Response(null, { status: 404 });
export const forbidden = () => json({ reason: "forbidden" }, { status: 403 });
